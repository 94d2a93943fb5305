# Searching skips start positions the pattern's first items rule out
# (\b, a literal, a set, a repeat with min >= 1, a BRANCH's alternatives);
# the results must be those of trying every position.
import re

subjects = ["", "a", "ab ab", "  x1 22 x1x1  ", "foo bar  bar baz", "a\nb\n\nc",
            "Curl wGET python-URLLIB", "é ü ßß 12 ½ ²", "10.1.2.3 999.1.1.1 1.2.3",
            "\u0100bc \u0100bc", "\U0001f600a \U0001f600a", "xx--yy", "aaa"]
patterns = [r"\b\w+\b", r"\b(\w+)\s+\1\b", r"\B", r"\b", r"x*", r"a|b|", r"(?:a|b)+",
            r"curl|wget|python-urllib", r"(?i)curl|wget|python-urllib", r"\d{1,3}\.\d",
            r"\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b", r"(?m)^\w", r"(?m)$",
            r"[\w-]+", r"-*", r"(?=b)", r"(?<=a)", r"\s+", r"$", r"\Z", r"(x)?y*",
            r"[^\s\"]+", r"(?:)", r"\w*?", r"a{0}b?", r"(a|bc|)\1", r"[ab]{2,}", r"ß|\u0100"]
for p in patterns:
    r = re.compile(p)
    for s in subjects:
        print(repr(p), repr(s), [m.span() for m in r.finditer(s)], r.findall(s),
              r.sub("<>", s), r.split(s), r.search(s, 1) and r.search(s, 1).span(),
              r.search(s, 0, max(0, len(s) - 1)) and r.search(s, 0, max(0, len(s) - 1)).span())
    b = p.encode("ascii", "ignore")
    try:
        rb = re.compile(b)
    except re.error:
        continue
    for s in subjects:
        sb = s.encode("latin-1", "ignore")
        print(repr(b), repr(sb), [m.span() for m in rb.finditer(sb)], rb.sub(b"-", sb))
