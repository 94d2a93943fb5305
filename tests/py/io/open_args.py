# open()'s argument checks, its result types and io.open/open_code/text_encoding.
import io
try:
    from os import getpid, remove
except ImportError:
    def getpid(): return 0
    def remove(path): pass

P = "/tmp/pyrite_io_open_args_%d.txt" % getpid()  # unique: other runs of the suite may be running this
print(open is io.open, io.open_code, io.text_encoding(None), io.text_encoding("utf-8"))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
for mode in ["w", "wb", "w+", "wb+", "a", "ab", "a+", "r", "rb", "r+", "rb+", "rt", "x"]:
    if mode == "x":
        remove(P)
    with open(P, mode) as f:
        print(mode, type(f).__name__, type(getattr(f, "buffer", f)).__name__, getattr(f, "mode", None))
with open(P, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode)
with open(P, "w", buffering=1) as f:
    print(f.line_buffering)
with open(P, "w", buffering=100) as f:
    print(f.line_buffering, type(f.buffer).__name__)
for args, kw in [((P, "rw"), {}), ((P, "rr"), {}), ((P, "q"), {}), ((P, "tb"), {}), ((P, "b"), {}),
                 ((P, "rb"), {"encoding": "utf-8"}), ((P, "rb"), {"errors": "strict"}),
                 ((P, "rb"), {"newline": "\n"}), ((P, "r"), {"buffering": 0}), ((P, 5), {}),
                 ((3.5,), {}), (([],), {}), ((P,), {"newline": "x"}), ((P,), {"bogus": 1}),
                 ((P, "rU"), {}), ((P,), {"encoding": 1})]:
    try:
        open(*args, **kw)
    except Exception as e:
        print(type(e).__name__, str(e).replace(P, "P"))
with io.open_code(P) as f:
    print(type(f).__name__, f.mode)
f = open(P, "rb")
print(f.name == P, f.closed)
f.close()
print(f.closed, f.raw.closed)
remove(P)
try:
    open(P)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename == P, str(e).replace(P, "P"))
try:
    open("/tmp")
except IsADirectoryError as e:
    print("IsADirectoryError", e.errno)
