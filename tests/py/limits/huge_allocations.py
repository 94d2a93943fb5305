tests = [
    "[None] * (2 ** 62)",
    "[None] * (2 ** 63)",
    "[0, 1] * (2 ** 62)",
    "'x' * (2 ** 62)",
    "'x' * (2 ** 63)",
    "b'x' * (2 ** 62)",
    "(1,) * (2 ** 62)",
    "bytearray(2 ** 62)",
    "bytes(2 ** 62)",
    "'ab'.ljust(2 ** 62)",
    "'a'.zfill(2 ** 63)",
    "range(2 ** 63)[2 ** 62]",
    "len(range(2 ** 63))",
    "[1] * (10 ** 12)",
]
for src in tests:
    try:
        r = eval(src)
        print(src, "->", r)
    except (MemoryError, OverflowError) as e:
        print(src, "->", type(e).__name__ + ":", e)
x = [0] * 1000
x *= 1000
print(len(x))
