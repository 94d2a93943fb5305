class S(str):
    pass
s = S("abc")
print(repr(s), type(s).__name__, type(str(s)).__name__, type(s + "").__name__, type(s[0]).__name__, type(s.upper()).__name__)
class WithStr:
    def __str__(self): return "custom"
class WithRepr:
    def __repr__(self): return "repr only"
print(str(WithStr()), str(WithRepr()), str(object=WithStr()))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    str(123, "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
try:
    str("abc", "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
print(str(bytearray(b"xy"), "ascii"), str(memoryview(b"mv"), "ascii"))
print(str.__new__(S, "new"), S.__mro__)
print(repr(chr(0)), repr(chr(0x10FFFF)), ord("\U0010ffff"))
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord(b"ab")
except TypeError as e:
    print(type(e).__name__, e)
print(ord(b"a"), ord(bytearray(b"z")))
