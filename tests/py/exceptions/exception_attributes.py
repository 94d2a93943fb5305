try:
    undefined_thing
except NameError as e:
    print(repr(e), e.name)
class C:
    x = 1
try:
    C().missing
except AttributeError as e:
    print(repr(e), e.name, type(e.obj).__name__)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, repr(e), e.name, e.path)
e = ImportError("msg", name="n", path="p")
print(e, e.name, e.path, e.args)
try:
    b"\xc3\x28".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    "h\u00e9llo".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    compile("x = (", "<src>", "exec")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
se = SyntaxError("m", ("f.py", 3, 4, "text\n", 3, 5))
print(se, se.args)
try:
    raise StopIteration("val")
except StopIteration as e:
    print(e.value)
print(KeyError("x").__class__.__name__, KeyError.__name__, KeyError.__module__)
