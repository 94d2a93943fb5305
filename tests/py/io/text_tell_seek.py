# TextIOWrapper.tell()/seek() cookies over multi-byte text and '\r\n'
# translation, and mixed read/readline/write on one file.
try:
    from os import getpid, remove
except ImportError:
    def getpid(): return 0
    def remove(path): pass

P = "/tmp/pyrite_io_text_tell_seek_%d.txt" % getpid()  # unique: other runs of the suite may be running this
with open(P, "w", encoding="utf-8", newline="") as f:
    f.write("ab\u20acd\r\nsecond \U0001d11e line\r\nthird\rfourth\n")
for nl in [None, "", "\r\n"]:
    with open(P, encoding="utf-8", newline=nl) as f:
        marks = []
        while True:
            pos = f.tell()
            ch = f.read(1)
            if not ch:
                break
            marks.append((pos, ch))
        print(repr(nl), marks)
        for pos, ch in marks[::3]:
            f.seek(pos)
            print(pos, repr(f.read(2)), end=" | ")
        print()
with open(P, encoding="utf-8") as f:
    f.readline()
    p = f.tell()
    print(p, repr(f.readline()))
    f.seek(p)
    print(repr(f.read(8)), f.tell())
    f.seek(0)
    print(repr(f.read(3)), f.tell())
with open(P, "r+", encoding="utf-8") as f:
    print(repr(f.read(4)))
    f.seek(f.tell())
    f.write("XY")
    f.seek(0)
    print(repr(f.read()))
with open(P, "w", encoding="utf-16") as f:
    f.write("utf16 text\n")
    print(f.tell())
    f.write("more")
with open(P, "rb") as f:
    print(f.read())
with open(P, encoding="utf-16") as f:
    print(repr(f.read()))
remove(P)
