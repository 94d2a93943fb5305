l = [1]
l += "ab"
l += (2, 3)
l += range(2)
l += {"k": 0}
l += (x for x in [7])
print(l)
try:
    l + (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    l + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    l += 5
except TypeError as e:
    print(type(e).__name__, e)
self_ref = [1, 2]
self_ref += self_ref
print(self_ref)
self_ref.extend(self_ref)
print(self_ref)
x = [0]
x.append(x)
print(x, len(x))
print([1] + [2] + [], [] + [], [[1]] + [[2]])
