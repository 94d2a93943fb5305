for n in [0, 1, 255, 256, 65535, 2 ** 64, 2 ** 100 + 7]:
    length = max(1, (n.bit_length() + 7) // 8)
    b = n.to_bytes(length, "big")
    l = n.to_bytes(length, "little")
    print(n, b.hex(), l.hex(), int.from_bytes(b, "big") == n, int.from_bytes(l, "little") == n)
for n in [-1, -128, -129, 127, -(2 ** 63)]:
    try:
        b = n.to_bytes(8, "big", signed=True)
        print(n, b.hex(), int.from_bytes(b, "big", signed=True))
    except OverflowError as e:
        print(n, type(e).__name__, e)
print((-128).to_bytes(1, "big", signed=True), (127).to_bytes(1, "little", signed=True))
for n, ln in [(128, 1), (-129, 1), (256, 1)]:
    try:
        n.to_bytes(ln, "big", signed=True)
    except OverflowError as e:
        print(n, ln, type(e).__name__, e)
print(int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "big"))
print(int.from_bytes([1, 2, 3], "little"), int.from_bytes(bytearray(b"\x01\x00"), "big"))
print((1024).to_bytes(2), (5).to_bytes(), int.from_bytes(b"\x01\x00"))
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(-1, "big")
except ValueError as e:
    print(type(e).__name__, e)
print((0).to_bytes(0, "big"), int.from_bytes(b"\x80", "big", signed=True))
