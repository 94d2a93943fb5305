s = "héllo😀"
print([c for c in s], list(map(ord, s)), [i for i, c in enumerate(s) if c in "lo"])
it = iter(s)
print(type(it).__name__, next(it), next(it), "".join(it))
print(list(zip(s, range(10))), sorted(s, reverse=True), set("aabbc") == {"a", "b", "c"})
print(any(c.isupper() for c in s), all(c.isalpha() for c in "abc"), sum(1 for c in s if c == "l"))
counts = {}
for ch in "the quick brown fox jumps over the lazy dog":
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print(len(counts), sorted(counts.items())[:5], max(counts, key=lambda k: (counts[k], k)))
print(list(reversed("abc")), "".join(c * 2 for c in "xyz"), dict.fromkeys("abca"))
print([s[i:i + 2] for i in range(0, len(s), 2)])
