orig = [[1, 2], [3, 4], 5]
c1 = orig[:]
c2 = list(orig)
c3 = orig.copy()
c4 = [*orig]
c1[0].append("shared")
c2[2] = "not shared"
print(orig, c1 is orig, c1[0] is orig[0], c2, c3, c4)
deep = [row[:] if isinstance(row, list) else row for row in orig]
deep[1].append("deep only")
print(orig, deep)
l = [1, 2]
l2 = l
l2 += [3]
print(l, l is l2)
l3 = l
l3 = l3 + [4]
print(l, l3, l is l3)
a = b = []
a.append(1)
print(a, b, a is b)
