# A decimal int literal past the int conversion limit is a SyntaxError when
# parsed (CPython converts literals with PyLong_FromString): compile,
# ast.parse, literal_eval, patterns; hex literals and the limit's changes.
import ast
import sys

CASES = ["x = " + "1" * 4301, "x = (\n" + "1_0" * 2200 + ")", "1" * 640, "1" * 4300, "0x" + "f" * 5000,
         "match x:\n case " + "1" * 5000 + ": pass", "-" + "9" * 4400 + "j", "1" * 4400 + ".5"]
for src in CASES:
    for name, f in [("compile", lambda s: compile(s, "<s>", "exec")), ("parse", ast.parse)]:
        try:
            f(src)
            print(name, len(src), "ok")
        except SyntaxError as e:
            print(name, len(src), e.msg[:62], e.msg[-40:], e.lineno, e.offset, e.end_lineno, e.end_offset)
try:
    ast.literal_eval("1" * 5000)
except SyntaxError as e:
    print("literal_eval", e.msg[:40])
sys.set_int_max_str_digits(0)
print(len(str(eval("1" * 5000))) if False else "unlimited", compile("1" * 5000, "<s>", "eval").co_name)
sys.set_int_max_str_digits(700)
for n in [700, 701]:
    try:
        ast.parse("1" * n)
        print(n, "ok")
    except SyntaxError as e:
        print(n, e.msg[:60])
