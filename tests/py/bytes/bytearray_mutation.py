ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" world")
ba.insert(0, 62)
print(ba, len(ba))
ba[1:6] = b"HOWDY"
print(ba)
ba[::2] = b"x" * len(ba[::2])
print(ba)
del ba[0]
del ba[::3]
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("x"))
print(ba)
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba)
ba += b"!!"
ba *= 2
print(ba)
ba.clear()
print(ba, len(ba))
b2 = bytearray(5)
b2[1:3] = [1, 2, 3, 4]
print(b2)
b2[:] = b""
print(b2)
for bad in (lambda: bytearray(b"a").__setitem__(0, 256), lambda: bytearray(b"ab").__setitem__(slice(None, None, 2), b"xyz"),
            lambda: bytearray().pop(), lambda: bytearray(b"a").remove(98), lambda: bytearray(b"a").__setitem__(0, b"x"),
            lambda: bytearray(b"a").index(b"z"), lambda: bytearray(b"a").append(-1)):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), type(bytearray(b"x") + b"y").__name__, type(b"y" + bytearray(b"x")).__name__)
