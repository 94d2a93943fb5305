for b in [b"", b"plain", b"\x00\x01\x02", b"\t\n\r\x0b\x0c", b"\x7f\x80\xfe\xff", b"quote's", b'dq"', b"both'\"", b"back\\slash", bytes(range(32, 127))]:
    print(repr(b), str(b), len(b))
print(repr(bytearray(b"x\x00")), repr(bytearray()), str(bytearray(b"'")), ascii(b"\xe9"), f"{b'x'}", "%s %r" % (b"s", b"r"))
class B(bytes):
    pass
print(repr(B(b"sub")), type(B(b"x") + b"y").__name__, B(b"ab")[0], type(B(b"ab")[:1]).__name__)
