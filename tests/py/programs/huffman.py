# Huffman compression: build the tree, encode, decode (own implementation).
TEXT = "this is an example of a huffman tree built from scratch in pure python, with ties broken deterministically"
def build(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [(n, ch, ch) for ch, n in freq.items()]
    counter = 0
    while len(nodes) > 1:
        nodes.sort(key=lambda t: (t[0], t[1]))
        a, b = nodes.pop(0), nodes.pop(0)
        counter += 1
        nodes.append((a[0] + b[0], "~" + str(counter).zfill(3), (a[2], b[2])))
    return freq, nodes[0][2]
def codes(tree, prefix="", out=None):
    if out is None:
        out = {}
    if isinstance(tree, str):
        out[tree] = prefix or "0"
    else:
        codes(tree[0], prefix + "0", out)
        codes(tree[1], prefix + "1", out)
    return out
def decode(bits, tree):
    out, node = [], tree
    for b in bits:
        node = node[int(b)]
        if isinstance(node, str):
            out.append(node)
            node = tree
    return "".join(out)
freq, tree = build(TEXT)
table = codes(tree)
for ch in sorted(table, key=lambda c: (len(table[c]), c)):
    print(repr(ch), freq[ch], table[ch])
bits = "".join(table[c] for c in TEXT)
print(len(bits), len(TEXT) * 8, round(len(bits) / (len(TEXT) * 8), 4))
print(bits[:64])
print(decode(bits, tree) == TEXT)
packed = int(bits, 2).to_bytes((len(bits) + 7) // 8, "big")
print(packed.hex()[:40], len(packed))
