# ast.parse of real stdlib files: the dump with positions (hashed), the
# node count, and the unparse round trip (parse(unparse(tree)) dumps the same).
import ast
import hashlib
import os

LIB = os.path.dirname(ast.__file__)
FILES = ["textwrap.py", "colorsys.py", "string.py", "bisect.py", "json/decoder.py", "unittest/util.py"]

for name in FILES:
    with open(os.path.join(LIB, name), "rb") as f:
        src = f.read()
    tree = ast.parse(src, name)
    full = ast.dump(tree, include_attributes=True)
    print(name, len(full), hashlib.sha256(full.encode()).hexdigest()[:16],
          sum(1 for _ in ast.walk(tree)))
    again = ast.parse(ast.unparse(tree))
    print("  round trip:", ast.dump(again) == ast.dump(tree))
    code = compile(tree, name, "exec")
    print("  compiled:", code.co_name, code.co_filename)

# A function's positions, in full.
with open(os.path.join(LIB, "colorsys.py")) as f:
    src = f.read()
tree = ast.parse(src)
fn = [n for n in tree.body if isinstance(n, ast.FunctionDef)][0]
print(fn.name, ast.dump(fn, include_attributes=True)[:3000])
print(ast.get_source_segment(src, fn.body[-1]))
