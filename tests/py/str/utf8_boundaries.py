for cp in [0x0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF]:
    c = chr(cp)
    b = c.encode("utf-8")
    print(hex(cp), b, len(b), b.decode("utf-8") == c, c.encode("utf-16-be"), len(c.encode("utf-16-le")))
invalid = [b"\x80", b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80",
           b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"a\xffb", b"\xfe", b"\xe2\x28\xa1", b"\xf0\x28\x8c\xbc"]
for b in invalid:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError as e:
        print(b, e.reason, e.start, e.end)
    print("  replace:", repr(b.decode("utf-8", "replace")), "ignore:", repr(b.decode("utf-8", "ignore")))
for s in ["\ud800", "a\udfffb"]:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as e:
        print(repr(s), e.reason, e.start, e.end)
    print(" surrogatepass:", s.encode("utf-8", "surrogatepass"), "replace:", s.encode("utf-8", "replace"))
print(b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
