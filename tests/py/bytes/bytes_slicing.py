b = bytes(range(10))
print(b[::2], b[1::3], b[::-1], b[-3:], b[:-3], b[8:2:-2], b[100:], b[-100:2], b[5:5])
for start in (None, -12, -2, 0, 3, 12):
    for stop in (None, -12, -2, 0, 3, 12):
        for step in (None, 1, 3, -1, -2):
            assert b[start:stop:step] == bytes(b[i] for i in range(*slice(start, stop, step).indices(len(b))))
print("slices agree")
ba = bytearray(b)
print(ba[2:4], type(ba[2:4]).__name__, ba[-1], ba[::5])
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    ba[-11]
except IndexError as e:
    print(type(e).__name__, e)
