for i in range(5):
    if i == 3:
        print("break at", i)
        break
else:
    print("no break")
for i in range(3):
    pass
else:
    print("for else ran, i =", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
for i in []:
    print("never")
else:
    print("empty else")
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
    else:
        print("inner done")
res = []
for c in "abc":
    try:
        if c == "b":
            continue
        res.append(c)
    finally:
        res.append("f")
print(res)
k = 0
while k < 10:
    k += 1
    if k % 3: continue
    print("k", k)
