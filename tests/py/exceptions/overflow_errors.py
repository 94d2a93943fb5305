tests = [
    "1e308 * 10", "2.0 ** 1024", "float(2 ** 1024)", "int(float('inf'))", "int(float('nan'))",
    "(2 ** 1024) / 3", "round(1e308, -400)", "10.0 ** 400", "(-10.0) ** 401", "2 ** 1024 * 1.0",
    "float('1e500')", "int('9' * 100) + 0.5", "1 << -1", "1 >> -1", "(1).to_bytes(0, 'big')",
    "(256).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big')", "[0] * (2 ** 63)", "'a' * (2 ** 63)",
    "range(2 ** 63)[0]", "len(range(2 ** 64))", "chr(2 ** 40)", "bytes(2 ** 64)",
]
for src in tests:
    try:
        print(src, "=>", repr(eval(src)))
    except (OverflowError, ValueError, MemoryError, TypeError) as e:
        print(src, "=>", type(e).__name__ + ":", e)
