text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity."""
words = [w.strip(".,").lower() for w in text.split()]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
print(len(words), len(set(words)), max(words, key=len), sum(len(w) for w in words))
def wrap(s, width):
    lines, cur = [], ""
    for w in s.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        lines.append(cur)
    return lines
for line in wrap(text, 28):
    print(f"|{line:<28}|")
print(text.title().splitlines()[0])
print([line.count("it was") for line in text.lower().splitlines()])
def rot13(s):
    a = "abcdefghijklmnopqrstuvwxyz"
    t = str.maketrans(a + a.upper(), a[13:] + a[:13] + a.upper()[13:] + a.upper()[:13])
    return s.translate(t)
print(rot13("Hello, World!"), rot13(rot13("Round trip")))
def is_pal(s):
    c = [ch.lower() for ch in s if ch.isalnum()]
    return c == c[::-1]
print([is_pal(s) for s in ["A man, a plan, a canal: Panama", "race a car", "", "Was it a car or a cat I saw?"]])
print(sorted("listen") == sorted("silent"), "".join(sorted("dcba")))
