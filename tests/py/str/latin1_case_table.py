rows = []
for cp in range(0x20, 0x250):
    c = chr(cp)
    u, l = c.upper(), c.lower()
    if u != c or l != c:
        rows.append(f"{cp:04x}:{u}{'+' if len(u) > 1 else ''}/{l}")
for i in range(0, len(rows), 12):
    print(" ".join(rows[i:i + 12]))
print(len(rows))
greek = "".join(chr(c) for c in range(0x391, 0x3aa))
print(greek, greek.lower(), greek.lower().upper() == greek)
cyr = "".join(chr(c) for c in range(0x410, 0x430))
print(cyr.lower(), cyr.lower().title()[:5])
print("ǈ".upper(), "ǈ".lower(), "ǈ".title(), "ᾳ".upper(), "ᾳ".title(), "ﬃ".title(), "ﬃ".upper())
