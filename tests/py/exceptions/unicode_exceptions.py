try:
    raise ValueError("ünïcödé message ✓")
except ValueError as e:
    print(e, repr(e), e.args)
try:
    raise KeyError("ключ")
except KeyError as e:
    print(e, repr(e))
try:
    "日本".encode("latin-1")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xe6\x97".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
try:
    b"abc\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(e)
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print(e)
try:
    int("١٢x")
except ValueError as e:
    print(e)
print(int("١٢٣"), float("٣.٥"))
