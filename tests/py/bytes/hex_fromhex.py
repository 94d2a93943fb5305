data = bytes(range(0, 256, 17))
print(data.hex(), data.hex(":"), data.hex(" ", 4), data.hex("-", -4), bytearray(b"\x01\xab").hex(), memoryview(b"mv").hex())
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad be ef"), bytes.fromhex(" 01 02\n03\t"), bytearray.fromhex("ff00"), bytes.fromhex(""))
for bad in ["abc", "zz", "0x12", "1 2", "12 3"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
print(b"\xff".hex(), (1234).to_bytes(2, "big").hex(), bytes.fromhex(b"hi".hex()), data.hex(":", 2))
try:
    b"ab".hex("::")
except ValueError as e:
    print(type(e).__name__, e)
