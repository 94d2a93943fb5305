s = "0123456789abcdef"
print(s[::2], s[1::2], s[::-1], s[::-3], s[10:2:-2], s[-1:-5:-1], s[-5:], s[:-5], s[3:3], s[5:2], s[100:], s[-100:-90])
print(s[2:14:5], s[::17], s[::-17], s[15:0:-4], s[15::-4], s[:0:-4])
for start in (None, -20, -3, 0, 5, 20):
    for stop in (None, -20, -3, 0, 5, 20):
        for step in (None, 1, 2, -1, -3):
            assert s[start:stop:step] == "".join(s[i] for i in range(*slice(start, stop, step).indices(len(s))))
print("all slices agree with indices()")
u = "héllo wörld ✓ 😀 end"
print(u[::-1], u[6:11], u[-5:], len(u), u[14], u[::3])
print("abc"[-1], "abc"[0], "abc"[-3])
for bad in (3, -4):
    try:
        "abc"[bad]
    except IndexError as e:
        print(type(e).__name__, e)
