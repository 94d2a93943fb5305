l = [3, 1, 4, 1, 5]
l.append(9); print(l)
l.extend([2, 6]); print(l)
l.extend("ab"); print(l)
l.insert(0, "first"); l.insert(-1, "penult"); l.insert(100, "last"); l.insert(-100, "veryfirst"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1); print(l)
print(l.index(1), l.index(5), l.count(1), l.count("zz"), l.index(4, 2), l.index(1, 0, 5))
l2 = [x for x in l if isinstance(x, int)]
l2.reverse(); print(l2)
l2.sort(); print(l2)
c = l2.copy(); c.append(0); print(l2, c)
l2.clear(); print(l2, len(l2))
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2].index(1, 1), lambda: [].insert(0), lambda: [].extend(5)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
