ba = bytearray(b"ab")
alias = ba
ba += b"cd"
print(ba, alias, ba is alias)
ba *= 2
print(ba, ba is alias)
ba.extend([101, 102])
ba.extend(bytearray(b"g"))
ba.extend(x for x in b"hi")
print(ba)
ba.extend(b"")
ba *= 1
print(len(ba))
ba *= 0
print(ba, alias)
b = b"xy"
alias_b = b
b += b"z"
print(b, alias_b, b is alias_b)
for bad in (lambda: ba.extend(5), lambda: ba.extend("str"), lambda: ba.extend([256]), lambda: ba.__iadd__("s"), lambda: ba.__imul__(1.5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
big = bytearray()
for i in range(10000):
    big.append(i & 0xFF)
print(len(big), big[-3:], big.count(0), sum(big) % 1000)
