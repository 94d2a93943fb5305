def sum_list(lst, acc=0):
    if not lst:
        return acc
    return sum_list(lst[1:], acc + lst[0])
print(sum_list(list(range(100))))
def flatten(x, *, out=None):
    if out is None:
        out = []
    for item in x:
        if isinstance(item, (list, tuple)):
            flatten(item, out=out)
        else:
            out.append(item)
    return out
print(flatten([1, [2, (3, [4])], [[5]]]))
def count_down(n, *trail):
    if n == 0:
        return trail
    return count_down(n - 1, *trail, n)
print(count_down(10))
def kw_rec(**kw):
    if len(kw) >= 5:
        return sorted(kw)
    return kw_rec(**kw, **{chr(97 + len(kw)): len(kw)})
print(kw_rec())
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2**100, 6**50))
