ops = {"len": len, "abs": abs, "str": str, "type": type, "sorted": sorted, "reversed": lambda x: list(reversed(x))}
for name, f in ops.items():
    print(name, f([3, -1, 2]) if name not in ("abs",) else f(-3))
funcs = [min, max, sum, len, sorted]
print([f([4, 1, 3]) for f in funcs])
print(list(map(int, "123")), list(map(float, ["1", "2.5"])), list(map(bool, [0, 1, ""])), list(map(type, [1, "a", None])))
convert = {"int": int, "float": float, "str": str}
print([convert[k]("7") for k in convert], sorted(convert, key=lambda k: convert[k].__name__))
print(max([len, abs], key=lambda f: f.__name__).__name__, callable(ops["type"]), ops["type"](ops))
