print(bytes(x * 2 for x in range(5)), bytes(map(ord, "abc")), bytes({65: 1}), bytes((1, 2)), bytearray(range(3)))
class HasBytes:
    def __bytes__(self):
        return b"custom bytes"
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(bytes(HasBytes()), bytes([Idx(72), Idx(105)]), bytearray([Idx(1)]), bytes(Idx(3)))
class BadBytes:
    def __bytes__(self):
        return "not bytes"
for bad in (BadBytes(), [Idx(300)], [None], 1.5, object()):
    try:
        print(bytes(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(bytes(memoryview(b"mv")), bytes(bytearray(b"ba")), bytearray(b"ba") is not bytearray(b"ba"))
print(bytearray("é", "utf-8"), bytearray(2), bytearray(), bytes("x", encoding="ascii", errors="strict"))
try:
    bytes("é", "ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    bytearray("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(b"x", "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
