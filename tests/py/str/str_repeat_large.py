s = "ab" * 500000
print(len(s), s[:6], s[-6:], s.count("ab"), s.find("ba"), s.rfind("ab"), s[999998:])
t = s.replace("ab", "xyz")
print(len(t), t[:9], t.count("z"))
u = s.upper()
print(u[:4], u.isupper(), s.islower(), len(u.lower()))
parts = s.split("b")
print(len(parts), parts[:3], parts[-1] == "")
print(len("".join([s, s])), (s + "c").endswith("bc"), "c" in s, s.startswith("abab"))
