def parse(s):
    return int(s)
def load(items):
    return [parse(i) for i in items]
def main():
    print("loading")
    values = load(["1", "2", "three"])
    print(values)
main()
