print("defining")
class Broken:
    x = 1
    y = x + "one"
print("unreachable")
