data = {"a": [1, 2, 3], "b": {"c": "d"}}
def get(path):
    cur = data
    for p in path:
        cur = cur[p]
    return cur
for path in [["a", 1], ["a", 5], ["b", "c"], ["b", "z"], ["q"], ["a", "x"], ["b", "c", 0], ["b", "c", 5]]:
    try:
        print(path, get(path))
    except LookupError as e:
        print(path, type(e).__name__, e)
    except TypeError as e:
        print(path, "TypeError", e)
print({}.get("k"), [1].__getitem__(0))
d = {(1, 2): "t"}
try:
    d[(3, 4)]
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    d[()]
except KeyError as e:
    print(repr(e), str(e))
try:
    {}[""]
except KeyError as e:
    print(repr(e), str(e))
