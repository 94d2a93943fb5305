parts = []
for i in range(20000):
    parts.append(f"{i:05d}")
s = ",".join(parts)
print(len(s), s[:23], s[-11:], s.count(","), hash(s) == hash(",".join(parts)))
acc = ""
for i in range(3000):
    acc += chr(0x41 + i % 26)
print(len(acc), acc[-10:], acc.count("A"))
rev = "".join(reversed(acc))
print(rev[:10], rev == acc[::-1])
lines = "\n".join(f"line {i}" for i in range(500))
print(len(lines.splitlines()), lines.splitlines()[-1], len(lines))
table = "\n".join("|".join(f"{r * c:4}" for c in range(1, 6)) for r in range(1, 6))
print(table)
print(("ab" * 50000).count("ba"), len("-" * 100000))
