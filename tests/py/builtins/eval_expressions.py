exprs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 10", "7 // 2", "-7 % 3", "'ab' * 3", "[x * x for x in range(5)]", "{k: v for k, v in zip('ab', (1, 2))}",
         "(lambda a, b=2: a * b)(4)", "1 if [] else 2", "not 0 and 5", "1 < 2 < 3", "sorted('cab')", "len({1, 1, 2})", "max(1, 2, key=lambda v: -v)",
         "(a := 5) + a", "[*range(3), *'ab']", "{**{'x': 1}, 'y': 2}", "f'{1 + 1:03d}'", "b'abc'[1]", "1_000 + 0x10 + 0o10 + 0b10", "...", "not not None"]
for e in exprs:
    print(e, "=>", repr(eval(e)))
ns = {"data": [5, 3, 8]}
print(eval("sum(data) / len(data)", ns), eval("data.sort() or data", ns))
