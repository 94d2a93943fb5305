import sys
for src in ["1 + 1", "'text'", "None", "[1, 2]", "x = 5", "x", "(1, 'a')", "print('printed')", "b'bytes'"]:
    print("--", repr(src))
    exec(compile(src, "<single>", "single"))
def hook(value):
    sys.stdout.write(f"custom hook got {value!r}\n")
old = sys.displayhook
sys.displayhook = hook
exec(compile("40 + 2", "<single>", "single"))
exec(compile("None", "<single>", "single"))
sys.displayhook = old
exec(compile("'restored'", "<single>", "single"))
print(_ if "_" in dir(sys.modules["builtins"]) else "no underscore")
