for a in (7.5, -7.5):
    for b in (2.0, -2.0, 0.5, -3.25):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(0.0 % 5, -0.0 % 5, 0.0 % -5, 5 % -0.5, -1e-300 % 1.0, 1e-300 % -1.0)
print(3.0 // 0.1, 3.0 % 0.1, 1.0 // 0.1, 1.0 % 0.1)
print(-0.0 // 1, 0.0 // -1, (-0.0).__floordiv__(1.0))
print(7 // 2.0, -7 // 2.0, 7 % -2.0, divmod(7, -2.0), divmod(10 ** 20, 3.0))
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0), (-1.0, -0.0)]:
    for op in ("/", "//", "%", "divmod"):
        try:
            r = divmod(a, b) if op == "divmod" else eval(f"a {op} b")
            print(a, op, b, r)
        except ZeroDivisionError as e:
            print(a, op, b, "ZeroDivisionError:", e)
