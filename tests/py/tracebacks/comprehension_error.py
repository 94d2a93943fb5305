def squares(data):
    return {k: v ** 2 for k, v in data}
print(squares([("a", 2)]))
print(squares([("a", 2), ("b", "x")]))
