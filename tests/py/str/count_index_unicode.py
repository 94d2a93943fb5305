s = "ab😀cd😀ef€é"
print(len(s), s.find("😀"), s.rfind("😀"), s.index("€"), s.count("😀"), s[2], s[-2:], s.find("😀", 3), s.find("é", -1))
print(s.encode("utf-8").find("😀".encode()), len(s.encode()), s.split("😀"), s.partition("€"), s.replace("😀", "<e>"))
print(s.upper(), s[::-1], s.center(15, "·"), s.startswith("ab😀"), "😀" in s, s.rstrip("é€"))
t = "aaaaa"
print(t.count("aa"), t.find("aaa", 1), t.rfind("aaa"), t.replace("aa", "b"), t.split("aa"), t.rsplit("aa"))
long = "x" * 10000 + "needle" + "y" * 10000
print(long.find("needle"), long.rfind("needle"), long.count("x"), "needle" in long, long.index("y"), long.find("needlex"))
