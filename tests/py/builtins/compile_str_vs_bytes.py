# A str source is text: its coding declaration is ignored and SyntaxError
# columns count code points; bytes are decoded as a file's (columns in
# bytes). "\r\n" and "\r" are newlines in both. import * outside a module is
# reported at the star.
ns = {}
exec(compile('# coding: latin-1\nx = "é"\n', "t", "exec"), ns)
exec('# coding: latin-1\ny = "é"\n', ns)
exec(compile(b'# coding: latin-1\nz = "\xe9"\n', "t", "exec"), ns)
print(ascii(ns["x"]), ascii(ns["y"]), ascii(ns["z"]), ascii(eval('# coding: latin-1\n"é"')))
print(eval("1 +\\\r\n 2"), eval("(1,\r 2)"))
exec('s = """a\r\nb\rc"""', ns)
print(ascii(ns["s"]))

for src in ['x = "é" +', 'é = 1 +', "é +* 1", 'Python = "Ṕýţĥòñ" +', "def f():\n  from _ import *"]:
    for s in (src, src.encode()):
        try:
            compile(s, "<t>", "exec")
        except SyntaxError as e:
            print(type(s).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
