def build(msg_type, payload, seq):
    header = bytearray()
    header += b"PK"
    header.append(msg_type)
    header += seq.to_bytes(4, "big")
    header += len(payload).to_bytes(2, "little")
    body = header + payload
    checksum = sum(body) & 0xFF
    body.append(checksum)
    return bytes(body)
def parse(pkt):
    if pkt[:2] != b"PK":
        raise ValueError(f"bad magic {pkt[:2]!r}")
    mtype = pkt[2]
    seq = int.from_bytes(pkt[3:7], "big")
    n = int.from_bytes(pkt[7:9], "little")
    payload = pkt[9:9 + n]
    if sum(pkt[:-1]) & 0xFF != pkt[-1]:
        raise ValueError("checksum mismatch")
    return mtype, seq, payload
packets = [build(1, b"hello", 7), build(2, "ünïcode".encode(), 2 ** 31), build(3, b"", 0)]
for p in packets:
    print(p.hex(" "), parse(p))
bad = bytearray(packets[0])
bad[-2] ^= 0xFF
for b in (bytes(bad), b"XX" + packets[0][2:]):
    try:
        parse(b)
    except ValueError as e:
        print("error:", e)
stream = b"".join(packets)
pos = 0
while pos < len(stream):
    n = int.from_bytes(stream[pos + 7:pos + 9], "little")
    size = 9 + n + 1
    print("frame", parse(stream[pos:pos + size]))
    pos += size
