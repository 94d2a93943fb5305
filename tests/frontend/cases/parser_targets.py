a, *b, (c, [d, *e]) = f
x.y[z], w[1:2] = *p, q
(a) = (b.c) = [d[0]] = 1
del a, (b), [c.d, e[f]], (g, h)
for [a, *b], c.d in e: pass
with f() as (a, b), g as h[0]: pass
i: int
(j): "s" = 3
k.l: m = n
o[p] += q
[x async for (y, z) in w]
