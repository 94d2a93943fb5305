tests = ["1.5 + 'a'", "'a' * 1.5", "[1] * 2.0", "1.5 & 1", "~1.5", "1.5 << 1", "x[0]", "len(1.5)", "x()",
         "s[1.0]", "range(1.5)", "chr(65.0)", "hex(1.5)", "bin(2.0)", "x.real = 2", "int('1.5')",
         "divmod(1.5, 'x')", "pow(1.5, 2, 3)", "round(1.5, 1.5)", "1.5 < None", "abs('x')", "sum([1.5, 'a'])"]
x = 1.5
s = 'abc'
for src in tests:
    try:
        if "=" in src and "==" not in src:
            exec(src)
            print(src, "=> ok")
        else:
            print(src, "=>", repr(eval(src)))
    except Exception as e:
        print(src, "=>", type(e).__name__ + ":", e)
