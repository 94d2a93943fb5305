# An interpreter for a small Forth-like stack language (own design).
class ForthError(Exception):
    pass
class Forth:
    def __init__(self):
        self.stack = []
        self.words = {}
        self.out = []
        self.builtins = {
            "+": lambda: self.binop(lambda a, b: a + b), "-": lambda: self.binop(lambda a, b: a - b),
            "*": lambda: self.binop(lambda a, b: a * b), "/": self.div, "mod": lambda: self.binop(lambda a, b: a % b),
            "dup": lambda: self.push(self.peek()), "drop": self.pop, "swap": self.swap, "over": lambda: self.push(self.stack[-2]),
            "rot": self.rot, ".": lambda: self.out.append(str(self.pop())), "emit": lambda: self.out.append(chr(self.pop())),
            "=": lambda: self.binop(lambda a, b: -1 if a == b else 0), "<": lambda: self.binop(lambda a, b: -1 if a < b else 0),
            ">": lambda: self.binop(lambda a, b: -1 if a > b else 0), "cr": lambda: self.out.append("\n"),
        }
    def push(self, v): self.stack.append(v)
    def pop(self):
        if not self.stack:
            raise ForthError("stack underflow")
        return self.stack.pop()
    def peek(self):
        if not self.stack:
            raise ForthError("stack underflow")
        return self.stack[-1]
    def binop(self, f):
        b, a = self.pop(), self.pop()
        self.push(f(a, b))
    def div(self):
        b, a = self.pop(), self.pop()
        if b == 0:
            raise ForthError("division by zero")
        self.push(a // b)
    def swap(self):
        b, a = self.pop(), self.pop()
        self.push(b); self.push(a)
    def rot(self):
        c, b, a = self.pop(), self.pop(), self.pop()
        self.push(b); self.push(c); self.push(a)
    def run(self, src):
        self.execute(src.lower().split())
    def execute(self, toks):
        i = 0
        while i < len(toks):
            t = toks[i]
            if t == ":":
                end = toks.index(";", i)
                self.words[toks[i + 1]] = toks[i + 2:end]
                i = end + 1
                continue
            if t == "if":
                depth, j, else_at = 0, i + 1, None
                while True:
                    if toks[j] == "if": depth += 1
                    elif toks[j] == "then":
                        if depth == 0: break
                        depth -= 1
                    elif toks[j] == "else" and depth == 0: else_at = j
                    j += 1
                cond = self.pop()
                if cond:
                    self.execute(toks[i + 1:else_at if else_at is not None else j])
                elif else_at is not None:
                    self.execute(toks[else_at + 1:j])
                i = j + 1
                continue
            if t == "times":
                n = self.pop()
                body_end = toks.index("loop", i)
                for _ in range(n):
                    self.execute(toks[i + 1:body_end])
                i = body_end + 1
                continue
            if t in self.words:
                self.execute(self.words[t])
            elif t in self.builtins:
                self.builtins[t]()
            else:
                try:
                    self.push(int(t))
                except ValueError:
                    raise ForthError(f"unknown word {t!r}") from None
            i += 1
f = Forth()
programs = [
    "1 2 + 3 * .",
    ": square dup * ; 7 square . 12 square .",
    ": fact dup 1 > if dup 1 - fact * then ; 10 fact . 20 fact .",
    "5 3 over . . . cr",
    "1 2 3 rot . . .",
    ": fib 0 1 rot times over over + rot drop loop drop ; 30 fib .",
    "72 emit 105 emit 33 emit cr",
    ": sign dup 0 < if drop -1 else 0 > if 1 else 0 then then ; -5 sign . 0 sign . 9 sign .",
    "10 0 /",
    "drop",
    "1 2 frobnicate",
]
for p in programs:
    f.stack.clear()
    f.out.clear()
    try:
        f.run(p)
        print(repr(p), "->", " ".join(f.out).replace(" \n", "\\n").replace("\n", "\\n"), "| stack", f.stack)
    except ForthError as e:
        print(repr(p), "-> error:", e, "| stack", f.stack)
