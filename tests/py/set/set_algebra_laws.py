def gen_sets():
    x = 7
    out = []
    for _ in range(12):
        s = set()
        for _ in range(8):
            x = (x * 1103515245 + 12345) % 2 ** 31
            s.add(x % 20)
        out.append(s)
    return out
sets = gen_sets()
print([sorted(s) for s in sets[:3]])
checks = 0
for A in sets:
    for B in sets:
        assert A | B == B | A and A & B == B & A
        assert A - B == A & (A ^ B)
        assert A ^ B == (A - B) | (B - A)
        assert (A & B) <= A <= (A | B)
        assert len(A | B) == len(A) + len(B) - len(A & B)
        for C in sets[:4]:
            assert A & (B | C) == (A & B) | (A & C)
            assert A - (B | C) == (A - B) & (A - C)
            checks += 1
print("laws hold", checks)
universe = set(range(20))
for s in sets[:3]:
    comp = universe - s
    print(sorted(comp)[:5], len(comp) + len(s) == 20, comp.isdisjoint(s))
