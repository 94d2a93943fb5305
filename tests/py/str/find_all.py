def find_all(hay, needle):
    out, i = [], hay.find(needle)
    while i != -1:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out
text = "abracadabra abracadabra"
for n in ["a", "abra", "cad", "z", "ra a", "bra"]:
    print(repr(n), find_all(text, n), text.count(n))
def kmp_table(p):
    t = [0] * len(p)
    k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]:
            k = t[k - 1]
        if p[i] == p[k]:
            k += 1
        t[i] = k
    return t
def kmp(hay, p):
    t, k, out = kmp_table(p), 0, []
    for i, c in enumerate(hay):
        while k and c != p[k]:
            k = t[k - 1]
        if c == p[k]:
            k += 1
        if k == len(p):
            out.append(i - k + 1)
            k = t[k - 1]
    return out
print(kmp_table("abacabab"), kmp(text, "abra") == find_all(text, "abra"), kmp("aaaa", "aa"), find_all("aaaa", "aa"))
dna = "ACGT" * 2500 + "GATTACA" + "ACGT" * 2500
print(dna.find("GATTACA"), kmp(dna, "GATTACA"), dna.count("ACGTACGT"), dna.rfind("ACGT"))
