s = "the cat sat on the mat with the hat"
print(s.replace("the", "THE"), s.replace("the", "THE", 2), s.replace("at", ""), s.replace("", "-", 3))
print("aaa".replace("a", "b", 0), "aaa".replace("aa", "b"), "abc".replace("", "."), "".replace("", "x"), "ab".replace("", "", 5))
print("aaa".replace("a", "b", -1), "x".replace("x", "yy") * 2)
for sub in ["the", "at", "zzz", "", "t"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 10), s.find(sub, 10, 20), s.rfind(sub, 0, 20), s.count(sub, 5, 25))
print(s.index("cat"), s.rindex("at"), "abc".find("c", -1), "abc".find("a", -1), "abc".find("", 5), "abc".find("", 3), "abc".rfind(""))
for f in (lambda: s.index("dog"), lambda: s.rindex("dog"), lambda: s.index("the", 33)):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print("aaaa".count("aa"), "".count(""), "abc".count(""), "abcabc".count("abc", 1), "abc".count("a", 10))
