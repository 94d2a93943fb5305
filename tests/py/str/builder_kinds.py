# String methods that build their result piece by piece, over text of one,
# two and four bytes per character: the result must equal CPython's and be
# usable as a dict key next to the same text made another way (canonical
# width: "a€".replace("€", "") is the one-byte "a").
samples = ["plain ascii text", "café crème brûlée", "Grüße – “quotes” €5", "emoji 😀 and 𝔘𝔫𝔦", "mixed é€😀 end"]
results = []
for s in samples:
    results.append(s.replace(" ", "_"))
    results.append(s.replace("e", "€"))
    results.append(s.replace("€", "e"))
    results.append(s.replace("😀", ""))
    results.append(s.replace("", "|", 3))
    results.append(s.center(40, "·"))
    results.append(s.ljust(30, "😀"))
    results.append(s.expandtabs(4))
    results.append(s.title())
    results.append(s.swapcase())
    results.append("-".join(s.split()))
    results.append(s.zfill(25))
    results.append("%s|%5s|%-5s" % (s, s[:2], s[-2:]))
    results.append("{0!r:>30}".format(s))
    results.append(s.translate({ord("e"): "3", ord("é"): None, ord("€"): "EUR"}))
for r in results:
    print(r)
# Narrowed results are equal to (and hash like) text made directly.
d = {}
for s in ("a€".replace("€", ""), "😀x".replace("😀", ""), "é€".replace("€", ""), "x" + "😀"[:0]):
    d[s] = len(s)
print(sorted(d.items()), "a" in d, "x" in d, "é" in d)
print("€".join(["a", "b"]).replace("€", "") == "ab", ("ab€"[:2] + "c") == "abc")
print(ascii("ß😀".replace("😀", "")), len(set(results)))
