def lcg():
    x = 20240601
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        yield x
g = lcg()
def make_double(bits):
    sign = "-" if bits >> 63 else ""
    exp = (bits >> 52) & 0x7FF
    mant = bits & ((1 << 52) - 1)
    if exp == 0x7FF:
        exp = 0x7FE
    if exp == 0:
        return float.fromhex(f"{sign}0x0.{mant:013x}p-1022")
    return float.fromhex(f"{sign}0x1.{mant:013x}p{exp - 1023}")
total_len = 0
lines = []
for i in range(600):
    v = make_double(next(g))
    r = repr(v)
    assert float(r) == v
    total_len += len(r)
    if i % 20 == 0:
        lines.append(r)
print(total_len)
print("\n".join(lines))
small = []
for i in range(300):
    bits = next(g)
    v = (bits % 10 ** 6) / 10 ** (bits % 9)
    small.append(repr(v))
print(" ".join(small[:40]))
print(sum(len(s) for s in small))
