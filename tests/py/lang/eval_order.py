def v(tag, val=None):
    print("eval", tag)
    return tag if val is None else val
def f(*a, **k):
    return a, k
f(v(1), v(2), k=v(3), *[v(4)], **{'z': v(5)})
d = {v('k1'): v('v1'), v('k2'): v('v2')}
print(d)
lst = [0, 0, 0]
lst[v('index', 1)] = v('value', 9)
print(lst)
x = v('a', 1) + v('b', 2) * v('c', 3)
print(x)
print(v('l', 2) ** v('r', 3))
obj = type("O", (), {})()
v('target', obj).attr = v('rhs', 5)
print(obj.attr)
r = v('x', [1, 2])[v('i', 0)]
print(r)
a = b = v('chain', 3)
print(a, b)
t = (v('t1'), v('t2'))
s = [v('s1'), *[v('s2')], v('s3')]
print(v('cond', 0) or v('alt', 'A'))
z = v('cmp1', 1) < v('cmp2', 2) < v('cmp3', 3)
m = {**{v('m1', 'a'): 1}, v('m2', 'b'): 2}
print(m)
