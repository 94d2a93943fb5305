names = ["x", "_", "__init__", "x1", "1x", "class", "match", "case", "_case", "None", "True", "é", "日本", "a-b", "a b", "", "ℕ", "x\u0301", "\u0301x", "ªº", "½", "Ⅸ", "a\u200db", "async", "await", "print", "𝔘𝔫𝔦"]
for n in names:
    print(repr(n), n.isidentifier())
kw = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
      "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]
bad = []
for k in kw:
    try:
        compile(f"{k} = 1", "<kw>", "exec")
    except SyntaxError:
        bad.append(k)
print(len(bad), bad == kw)
for soft in ["match", "case", "_", "type"]:
    compile(f"{soft} = 1", "<soft>", "exec")
print("soft keywords are assignable")
ns = {}
exec("ℕ = 5\nx\u0301 = 1\n𝔘𝔫𝔦 = 2", ns)
print(sorted(k for k in ns if k != "__builtins__"))
