class R:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("open", self.n)
        return self
    def __exit__(self, et, ev, tb):
        print("close", self.n, et.__name__ if et else "-")
        return False
def work(fail_at):
    with R(1):
        try:
            with R(2):
                if fail_at == 2:
                    raise ValueError("at 2")
            with R(3):
                if fail_at == 3:
                    raise KeyError("at 3")
        except ValueError as e:
            print("handled", e)
        print("after inner")
    return "done"
print(work(None))
print(work(2))
try:
    work(3)
except KeyError as e:
    print("escaped", repr(e))
