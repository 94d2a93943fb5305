print({x: x * x for x in range(6)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({c: "aeiou".count(c) for c in "education" if c in "aeiou"})
print({i % 3: i for i in range(10)})
words = ["apple", "bob", "cat", "avocado", "banana"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter, {k: len(v) for k, v in by_letter.items()})
inverted = {}
for k, v in {"a": 1, "b": 1, "c": 2}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
nested = {outer: {inner: outer * inner for inner in range(1, 3)} for outer in range(1, 3)}
print(nested, nested[2][2])
