chunks = [bytes([i % 256]) * (i % 7) for i in range(50000)]
joined = b"".join(chunks)
print(len(joined), joined[:10], joined.count(b"\x00"), joined[-5:])
sep = b", ".join(str(i).encode() for i in range(10000))
print(len(sep), sep[:20], sep[-12:], sep.count(b","))
rep = b"xyz" * 100000
print(len(rep), rep.find(b"zx"), rep.rfind(b"xyz"), rep.count(b"yz"), rep[150000:150006])
ba = bytearray(rep)
ba[::3] = b"X" * 100000
print(ba[:9], ba.count(b"X"), bytes(ba[-6:]))
