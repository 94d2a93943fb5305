s = {1, 2, 3}
alias = s
s |= {4}
s &= {1, 2, 4, 5}
s -= {1}
s ^= {2, 9}
print(sorted(s), alias is s, sorted(alias))
f = frozenset({1, 2})
falias = f
f |= {3}
print(sorted(f), sorted(falias), f is falias, type(f).__name__)
try:
    s |= [1]
except TypeError as e:
    print(type(e).__name__, e)
s2 = {1, 2}
s2 |= s2
s2 &= s2
print(sorted(s2))
s2 -= s2
print(s2)
s3 = {1, 2, 3}
s3 ^= s3
print(s3)
