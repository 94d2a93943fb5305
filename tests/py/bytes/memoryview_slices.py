data = bytearray(range(20))
m = memoryview(data)
evens = m[::2]
print(evens.tolist(), evens.shape, evens.strides if hasattr(evens, "strides") else "", evens.contiguous, m.contiguous)
rev = m[::-1]
print(rev[0], rev[-1], bytes(rev[:3]), len(rev))
evens[0] = 99
print(data[0], m[0], evens.tobytes()[:3])
print(m[5:10] == bytes(range(5, 10)), m[5:10] == data[5:10], m == data, m != b"x")
print(list(m[18:]), bytes(m[-2:]).hex(), m[2:4].tobytes(), bytes(m[::5]))
try:
    m[0] = 256
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    m[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    hash(memoryview(bytearray(b"x")))
except ValueError as e:
    print(type(e).__name__, e)
print(hash(memoryview(b"abc")) == hash(b"abc"))
