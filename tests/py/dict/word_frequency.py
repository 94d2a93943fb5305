text = """the rain in spain falls mainly on the plain in spain the rain
stays mainly in the plain and the plain stays in spain"""
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
print(freq)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
print(top[:5])
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
print(dict(sorted(by_len.items())))
first_pos = {}
for i, w in enumerate(text.split()):
    first_pos.setdefault(w, i)
print(first_pos)
bigrams = {}
ws = text.split()
for a, b in zip(ws, ws[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print([(k, v) for k, v in bigrams.items() if v > 1])
