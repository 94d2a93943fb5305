# A recursive-descent calculator with variables, functions and error reporting.
class CalcError(Exception):
    pass
def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            toks.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(("name", src[i:j]))
            i = j
        elif src.startswith("**", i):
            toks.append(("op", "**"))
            i += 2
        elif c in "+-*/%(),=":
            toks.append(("op", c))
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r} at {i}")
    toks.append(("end", None))
    return toks
class Calc:
    FUNCS = {"max": max, "min": min, "abs": abs}
    def __init__(self):
        self.vars = {"ans": 0}
    def evaluate(self, src):
        self.toks, self.pos = tokenize(src), 0
        if self.toks[0][0] == "name" and self.toks[1] == ("op", "="):
            name = self.toks[0][1]
            self.pos = 2
            v = self.expr()
            self.expect_end()
            self.vars[name] = v
            return v
        v = self.expr()
        self.expect_end()
        self.vars["ans"] = v
        return v
    def peek(self): return self.toks[self.pos]
    def take(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t
    def expect(self, op):
        t = self.take()
        if t != ("op", op):
            raise CalcError(f"expected {op!r}, got {t[1]!r}")
    def expect_end(self):
        if self.peek()[0] != "end":
            raise CalcError(f"unexpected {self.peek()[1]!r}")
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            r = self.factor()
            if op in "/%" and r == 0:
                raise CalcError("division by zero")
            v = v * r if op == "*" else (v / r if op == "/" else v % r)
        return v
    def factor(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek() == ("op", "**"):
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if kind == "name":
            if self.peek() == ("op", "("):
                self.take()
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.expect(")")
                if val not in self.FUNCS:
                    raise CalcError(f"unknown function {val!r}")
                return self.FUNCS[val](*args)
            if val not in self.vars:
                raise CalcError(f"undefined variable {val!r}")
            return self.vars[val]
        if (kind, val) == ("op", "("):
            v = self.expr()
            self.expect(")")
            return v
        raise CalcError(f"unexpected {val!r}")
c = Calc()
for line in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "x = 10", "y = x * 2 + 1", "y / 4", "ans * 4", "max(x, y, 3) - min(4, 2)",
             "abs(-7.5) + 0.25", "10 % 4 + 7 / 2", "2 ** 100", "1 / 0", "foo + 1", "3 +", "(1 + 2", "1 $ 2", "bar(1)", "1 2"]:
    try:
        print(f"{line:28} = {c.evaluate(line)!r}")
    except CalcError as e:
        print(f"{line:28} ! {e}")
print(sorted(c.vars.items()))
