a or b and not c
a < b <= c != d is e is not f in g not in h
-x + +y * ~z ** -w
a | b ^ c & d << e >> f
x if y else z
(y := 10)
[i for i in x if i for j in i]
{k: v for k, v in d.items()}
{s for s in t}
(g for g in h)
f(a, *b, c=d, **e)
f(x for x in y)
a[1:2, ::3, ...]
a[b, c]
a[*b]
d = {1: 2, **e, 3: 4}
s = {1, *t}
t = 1, 2, *u
t = ()
await_ = 1
print(*args, sep='')
x[1:2:3].y().z[0]
not a == b
a @ b
