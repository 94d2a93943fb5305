inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf * 2, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf + -inf, nan + 1, nan * 0, 0 * inf, inf ** 0, nan ** 0, 1 ** nan, 1 ** inf, 2 ** -inf, 0.5 ** inf)
print(max(1, nan), max(nan, 1), min(inf, 5), sorted([3, inf, -inf, 1]))
print(float("Infinity"), float("-INF"), float("  nan "), float("+inf"), float("-nan"))
print(inf % 5 if False else "skip", 5 % inf, -5 % inf, 5 // inf, -5 // inf)
print(divmod(5.0, inf), divmod(-5.0, inf))
for f in (lambda: inf % 5, lambda: divmod(inf, 2)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(int(1e308), abs(-inf), -nan != -nan, str(-inf), repr(nan))
print([nan] == [nan], nan in [nan], (nan, 1) == (nan, 1), {nan: 1}.get(float("nan")))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, -1e-320 / 1e10)
