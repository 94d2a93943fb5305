def show(op):
    l = list(range(10))
    try:
        op(l)
        print(l)
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
show(lambda l: l.__setitem__(slice(2, 5), ["a", "b"]))
show(lambda l: l.__setitem__(slice(2, 2), ["ins1", "ins2"]))
show(lambda l: l.__setitem__(slice(None, None, 2), "abcde"))
show(lambda l: l.__setitem__(slice(None, None, 2), "abc"))
show(lambda l: l.__setitem__(slice(None, None, -3), [0, 0, 0, 0]))
show(lambda l: l.__setitem__(slice(8, 2, -2), "xyz"))
show(lambda l: l.__setitem__(slice(5, None), []))
show(lambda l: l.__setitem__(slice(None), l))
show(lambda l: l.__setitem__(slice(3, 1), ["between"]))
show(lambda l: l.__setitem__(slice(0, 3), 5))
show(lambda l: l.__setitem__(slice(-2, None), range(3)))
show(lambda l: l.__setitem__(slice(1, 9, 3), (x * 10 for x in range(3))))
show(lambda l: l.__delitem__(slice(None, None, 2)))
show(lambda l: l.__delitem__(slice(None, None, -4)))
show(lambda l: l.__delitem__(slice(100, 200)))
show(lambda l: l.__setitem__(slice(100, 200), ["appended"]))
show(lambda l: l.__setitem__(slice(None, None, 0), []))
l = [1, 2, 3]
l[1:2] = l
print(l)
m = [1, 2, 3, 4]
m[::2] = m[1::2]
print(m)
