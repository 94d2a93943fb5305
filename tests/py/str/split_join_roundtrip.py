samples = ["a,b,c", ",,", "", "single", "trailing,", ",leading", "mixed, spaces ,here"]
for s in samples:
    parts = s.split(",")
    print(repr(s), parts, ",".join(parts) == s, len(parts), [p.strip() for p in parts])
csv = "name,age,city\nann,30,Oslo\nbob,25,\n,40,Rome"
rows = [line.split(",") for line in csv.splitlines()]
header, *data = rows
records = [dict(zip(header, r)) for r in data]
print(records)
print("\n".join(",".join(r) for r in rows) == csv)
path = "/usr/local/lib/python3.11/site-packages"
print(path.split("/"), "/".join(path.split("/")[:-1]), path.rsplit("/", 2), path.rpartition("/")[2])
