ranges = [(0, 128, "ascii"), (128, 256, "latin1"), (0x370, 0x400, "greek"), (0x400, 0x500, "cyrillic"), (0x600, 0x700, "arabic"),
          (0x900, 0x980, "devanagari"), (0x3040, 0x30ff, "kana"), (0x4e00, 0x4f00, "cjk"), (0x2000, 0x2070, "punct"), (0x1f600, 0x1f650, "emoji")]
for lo, hi, name in ranges:
    cs = [chr(c) for c in range(lo, hi)]
    counts = [sum(1 for c in cs if f(c)) for f in (str.isalpha, str.isdigit, str.isdecimal, str.isnumeric, str.isspace, str.isupper, str.islower, str.isprintable, str.isidentifier, str.isalnum)]
    print(f"{name:10}", counts)
spaces = [hex(c) for c in range(0x3100) if chr(c).isspace()]
print(spaces)
decimals = [hex(c) for c in range(0x10000) if chr(c).isdecimal() and chr(c) in "0123456789" + "".join(chr(c) for c in range(0x660, 0x66a))]
print(decimals)
print(sum(int(chr(c)) for c in range(0x660, 0x66a)), int("\u0967\u0968"), float("\uff11\uff12.5"))
