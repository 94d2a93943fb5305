rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1), ("durian", 123.456, 0)]
print(f"{'item':<10}|{'price':>8}|{'qty':^5}|{'total':>10}")
print("-" * 36)
for name, price, qty in rows:
    print(f"{name:<10}|{price:>8.2f}|{qty:^5d}|{price * qty:>10,.2f}")
total = sum(p * q for _, p, q in rows)
print(f"{'TOTAL':<10}|{'':>8}|{'':^5}|{total:>10,.2f}")
print("{:=^36}".format(" end "))
for v in [0, 1, -1, 12345.678, -0.001, 1e-9, 9.995, 1e12]:
    print("|{:>12.3f}|{:<+12.2e}|{:^12.4g}|{:>12,.1f}|{:012.3f}|".format(v, v, v, v, v))
for n in [0, 5, -5, 255, 65535, -65536, 2 ** 40]:
    print("|{:>8d}|{:<#10x}|{:^#12o}|{:>+8d}|{:_b}|".format(n, n, n, n, n)[:80])
