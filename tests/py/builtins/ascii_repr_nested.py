data = {"naïve": ["café", ("日本", b"\xff")], "emoji": {"😀": None}, "plain": 1.5}
print(repr(data))
print(ascii(data))
print(str(data) == repr(data), len(ascii(data)) > len(repr(data)))
class U:
    def __repr__(self): return "Ü-repr"
print(repr([U()]), ascii([U()]), ascii(U()))
