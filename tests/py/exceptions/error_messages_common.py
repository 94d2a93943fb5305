tests = [
    "[1, 2].remove(3)", "[1].index(5)", "(1,).index(2)", "'abc'.index('z')", "'abc'.rindex('z')",
    "{}.pop('k')", "{}.popitem()", "set().pop()", "{1}.remove(2)", "[].pop()", "[1].pop(5)",
    "min([])", "max(())", "int('x')", "int('')", "float('abc')", "int('1.5')", "complex('1+')",
    "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.0 // 0.0", "1.0 % 0", "divmod(1, 0)", "0 ** -1", "0.0 ** -1",
    "2.0 ** 10000", "float(10 ** 400)", "10 ** 400 / 1", "chr(-1)", "chr(0x110000)", "ord('')",
    "'a' < 1", "None + None", "[] + None", "len(None)", "iter(5)", "next(iter([]))",
    "'x'.encode('nope')", "b'\\xff'.decode('utf-8')", "'\\u20ac'.encode('ascii')", "undefined_name",
    "(1).foo", "object().bar", "type.mro()", "range(1, 2, 0)", "[1, 2, 3][::0]", "'%d' % 'x'",
    "'{}'.format()", "'{0}{1}'.format(1)", "'{x}'.format()", "int.from_bytes(5, 'big')", "[0] * 'a'",
    "sum(['a', 'b'], '')", "hash([])", "hash({})", "{[]: 1}", "frozenset([[]])", "sorted([1, 'a'])",
    "(1, 2)[5]", "'abc'[5]", "list(range(3))[-4]", "bytes([256])", "bytearray(-1)", "round(1.5, 'x')",
]
for src in tests:
    try:
        r = eval(src)
        print(src, "=>", repr(r))
    except Exception as e:
        print(src, "=>", type(e).__name__ + ":", e)
