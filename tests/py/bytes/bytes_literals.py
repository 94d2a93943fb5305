print(b"\x41\101\n\t\\", rb"\x41\n", Rb"raw", br"\d+", len(b"\x00\xff"), b"line\
continued", b"implicit " b"concat")
print(b"\a\b\f\v\r", b"\0", b"\377", b"\\N", b"\\u00e9")
print(bytes.fromhex("00ff") == b"\x00\xff", b"%" b"s" % b"x", [b"a", b"b"] == [b"a", b"b"])
print(eval("b'\\x41'"), eval("b'ABC'") == b"ABC")
try:
    eval("b'é'")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
