#!/usr/bin/env python3
"""Generates the BF test programs of tests/bf/ and their expected outputs.

The programs are written here with a few macros over named cells (BF has no
variables), and the expected outputs come from `reference_run`, a plain
Python BF interpreter independent of pyrite-bf. Run it from anywhere:
`python3 tests/bf/gen/bfgen.py` rewrites tests/bf/*.b and *.out.
See docs/bf.md.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.dirname(HERE)


class Gen:
    """Emits BF with the pointer position tracked, cells named by index."""

    def __init__(self):
        self.code = []
        self.pos = 0
        self.next_cell = 0

    def cell(self):
        c = self.next_cell
        self.next_cell += 1
        return c

    def cells(self, n):
        first = self.next_cell
        self.next_cell += n
        return list(range(first, first + n))

    def emit(self, s):
        self.code.append(s)

    def comment(self, text):
        # Comment text must not contain BF commands.
        for ch in "+-<>[].,":
            text = text.replace(ch, " ")
        self.code.append("\n" + text + "\n")

    def at(self, c):
        d = c - self.pos
        self.emit(">" * d if d > 0 else "<" * (-d))
        self.pos = c

    def add(self, c, k):
        self.at(c)
        k %= 256
        self.emit("+" * k if k <= 128 else "-" * (256 - k))

    def clear(self, c):
        self.at(c)
        self.emit("[-]")

    def set(self, c, k):
        self.clear(c)
        self.add(c, k)

    def loop(self, c, body):
        """while cell c != 0: body(); body must keep the pointer bookkeeping."""
        self.at(c)
        self.emit("[")
        body()
        self.at(c)
        self.emit("]")

    def move(self, src, dsts, sign=1):
        """dsts += src (or -= with sign=-1); src = 0."""
        def body():
            self.add(src, -1)
            for d in dsts:
                self.add(d, sign)
        self.loop(src, body)

    def copy(self, src, dst, tmp):
        """dst = src (dst cleared first), via tmp."""
        self.clear(dst)
        self.clear(tmp)
        self.move(src, [dst, tmp])
        self.move(tmp, [src])

    def add_cell(self, dst, src, tmp):
        """dst += src, src kept."""
        self.clear(tmp)
        self.move(src, [dst, tmp])
        self.move(tmp, [src])

    def if_nz(self, c, body, tmp):
        """if cell c != 0: body(); c is kept."""
        self.copy(c, tmp, self.scratch)
        def once():
            body()
            self.clear(tmp)
        self.loop(tmp, once)

    def eq_const(self, c, k, flag, tmp, tmp2):
        """flag = (c == k)."""
        self.copy(c, tmp, tmp2)
        self.add(tmp, -k)
        self.set(flag, 1)
        def ne():
            self.clear(flag)
            self.clear(tmp)
        self.loop(tmp, ne)

    def print_char(self, ch, tmp):
        self.set(tmp, ord(ch))
        self.at(tmp)
        self.emit(".")
        self.clear(tmp)

    def divmod_const(self, n, d, q, r, t):
        """q, r = divmod(n, d) for a constant d >= 2; n is kept."""
        e, x, y = t
        self.clear(q)
        self.clear(r)
        w = self.cell()
        self.copy(n, w, x)
        def step():
            self.add(w, -1)
            self.add(r, 1)
            self.eq_const(r, d, e, x, y)
            def wrap():
                self.clear(r)
                self.add(q, 1)
            self.if_nz(e, wrap, x)
        self.loop(w, step)

    def print_decimal(self, n, t):
        """Prints cell n (0..255) in decimal without leading zeros."""
        q1, r1, q2, r2, e, x, y, nz = t
        self.divmod_const(n, 10, q1, r1, (e, x, y))
        self.divmod_const(q1, 10, q2, r2, (e, x, y))
        # hundreds digit q2, tens r2, ones r1
        self.clear(nz)
        def hundreds():
            self.add(q2, 48)
            self.at(q2)
            self.emit(".")
            self.add(q2, -48)
            self.set(nz, 1)
        self.if_nz(q2, hundreds, x)
        self.add_cell(nz, r2, x)  # nz != 0 when hundreds or tens printed
        def tens():
            self.add(r2, 48)
            self.at(r2)
            self.emit(".")
            self.add(r2, -48)
        self.if_nz(nz, tens, x)
        self.add(r1, 48)
        self.at(r1)
        self.emit(".")
        self.add(r1, -48)

    def text(self):
        return "".join(self.code)


def new_gen():
    g = Gen()
    g.scratch = g.cell()
    return g


def hello():
    g = new_gen()
    g.comment("Hello world: one cell per character, no loops worth tracing")
    t = g.cell()
    for ch in "Hello, world!\n":
        g.print_char(ch, t)
    return g.text()


def triangle():
    """Nested loops: row i prints i stars, for i in 1..N."""
    g = new_gen()
    g.comment("Nested loops: a triangle of stars, row i has i stars")
    rows, i, j, t, c = g.cell(), g.cell(), g.cell(), g.cell(), g.cell()
    g.set(rows, 40)
    g.clear(i)
    def row():
        g.add(rows, -1)
        g.add(i, 1)
        g.copy(i, j, t)
        def star():
            g.add(j, -1)
            g.print_char("*", c)
        g.loop(j, star)
        g.print_char("\n", c)
    g.loop(rows, row)
    return g.text()


def primes():
    """Trial division: prints the primes below LIMIT.

    n % d == 0 is tested with a countdown r that starts at d and is reset to
    d whenever it reaches 0: after n steps r == d exactly when d divides n.
    """
    LIMIT = 100
    g = new_gen()
    g.comment("Primes below 100 by trial division")
    n, left, d, dleft, isp, r, w, fl, x, y = (g.cell() for _ in range(10))
    t = g.cells(8)
    g.set(n, 1)
    g.set(left, LIMIT - 2)
    def each_n():
        g.add(left, -1)
        g.add(n, 1)
        g.set(isp, 1)
        g.set(d, 1)
        g.copy(n, dleft, x)
        g.add(dleft, -2)
        def each_d():
            g.add(dleft, -1)
            g.add(d, 1)
            g.copy(d, r, x)
            g.copy(n, w, x)
            def count():
                g.add(w, -1)
                g.add(r, -1)
                g.set(fl, 1)
                g.if_nz(r, lambda: g.clear(fl), x)
                g.if_nz(fl, lambda: g.add_cell(r, d, y), x)
            g.loop(w, count)
            # r -= d; r == 0 now means d divides n
            g.copy(d, w, x)
            def sub():
                g.add(w, -1)
                g.add(r, -1)
            g.loop(w, sub)
            g.set(fl, 1)
            g.if_nz(r, lambda: g.clear(fl), x)
            g.if_nz(fl, lambda: g.clear(isp), x)
        g.loop(dleft, each_d)
        def show():
            g.print_decimal(n, t)
            g.print_char("\n", x)
        g.if_nz(isp, show, y)
    g.loop(left, each_n)
    return g.text()


def divmod_const_cell(self, n, dcell, q, r, t):
    """q, r = divmod(n, dcell) for a divisor held in a cell (>= 1)."""
    e, x, y = t
    self.clear(q)
    self.clear(r)
    w = getattr(self, "_dm_w", None)
    if w is None:
        w = self._dm_w = self.cell()
        self._dm_diff = self.cell()
    diff = self._dm_diff
    self.copy(n, w, x)
    def step():
        self.add(w, -1)
        self.add(r, 1)
        # e = (r == dcell): diff = r - dcell
        self.copy(r, diff, x)
        self.clear(y)
        self.move(dcell, [y])
        def back():
            self.add(y, -1)
            self.add(dcell, 1)
            self.add(diff, -1)
        self.loop(y, back)
        self.set(e, 1)
        def ne():
            self.clear(e)
            self.clear(diff)
        self.loop(diff, ne)
        def wrap():
            self.clear(r)
            self.add(q, 1)
        self.if_nz(e, wrap, x)
    self.loop(w, step)


Gen.divmod_const_cell = divmod_const_cell


def squares():
    """Squares 0..N^2 as decimal odometers: s += 2n + 1 each step.

    The digits are cells; adding 1 carries into the next digit only when a
    digit wraps past 9, so the carry loop is entered with different digit
    states from one step to the next.
    """
    N = 60
    DIGITS = 4
    g = new_gen()
    g.comment("Squares 0 to 3600 with a decimal odometer")
    digits = g.cells(DIGITS)  # least significant first
    odd, k, left = g.cell(), g.cell(), g.cell()
    e, x, y, carry, nz, c = g.cells(6)
    g.set(odd, 1)
    g.set(left, N + 1)

    def print_number():
        g.clear(nz)
        for i in reversed(range(DIGITS)):
            dgt = digits[i]
            if i > 0:
                g.add_cell(nz, dgt, x)
                def show(dgt=dgt):
                    g.add(dgt, 48)
                    g.at(dgt)
                    g.emit(".")
                    g.add(dgt, -48)
                g.if_nz(nz, show, y)
            else:
                g.add(dgt, 48)
                g.at(dgt)
                g.emit(".")
                g.add(dgt, -48)
        g.print_char("\n", c)

    def increment():
        # digits += 1 with carries
        g.set(carry, 1)
        for dgt in digits:
            def apply(dgt=dgt):
                g.clear(carry)
                g.add(dgt, 1)
                g.eq_const(dgt, 10, e, x, y)
                def wrap():
                    g.clear(dgt)
                    g.set(carry, 1)
                g.if_nz(e, wrap, x)
            g.if_nz(carry, apply, y)

    def step():
        g.add(left, -1)
        print_number()
        g.copy(odd, k, x)
        def inc():
            g.add(k, -1)
            increment()
        g.loop(k, inc)
        g.add(odd, 2)
    g.loop(left, step)
    return g.text()


def fizzbuzz():
    """FizzBuzz to 100: a loop whose branches go different ways per round.

    Each round computes n % 3 and n % 5 with countdown loops entered with
    different cell values, then takes or skips the Fizz, Buzz and number
    blocks (BF loops used as ifs), so a trace recorded in one round has
    guards that fail in others.
    """
    g = new_gen()
    g.comment("FizzBuzz from 1 to 100")
    n, left, q, m3, m5, f3, f5, either, e, x, y, c = (g.cell() for _ in range(12))
    t = g.cells(8)
    g.clear(n)
    g.set(left, 100)
    def each():
        g.add(left, -1)
        g.add(n, 1)
        g.divmod_const(n, 3, q, m3, (e, x, y))
        g.divmod_const(n, 5, q, m5, (e, x, y))
        g.set(f3, 1)
        g.set(f5, 1)
        g.if_nz(m3, lambda: g.clear(f3), x)
        g.if_nz(m5, lambda: g.clear(f5), x)
        g.clear(either)
        def fizz():
            for ch in "Fizz":
                g.print_char(ch, c)
            g.set(either, 1)
        def buzz():
            for ch in "Buzz":
                g.print_char(ch, c)
            g.set(either, 1)
        g.if_nz(f3, fizz, x)
        g.if_nz(f5, buzz, x)
        # print the number when neither printed: flag = 1 - either
        g.set(y, 1)
        g.if_nz(either, lambda: g.clear(y), x)
        g.if_nz(y, lambda: g.print_decimal(n, t), e)
        g.print_char("\n", c)
    g.loop(left, each)
    return g.text()


def reference_run(code, inp=b""):
    """A plain BF interpreter: 8-bit wrapping cells, EOF reads 0."""
    prog = [ch for ch in code if ch in "+-<>[].,"]
    match, stack = {}, []
    for i, ch in enumerate(prog):
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            j = stack.pop()
            match[i], match[j] = j, i
    tape = bytearray(70000)
    p = pc = ip = 0
    out = bytearray()
    steps = 0
    while pc < len(prog):
        ch = prog[pc]
        steps += 1
        if ch == "+":
            tape[p] = (tape[p] + 1) & 255
        elif ch == "-":
            tape[p] = (tape[p] - 1) & 255
        elif ch == ">":
            p += 1
        elif ch == "<":
            p -= 1
            if p < 0:
                raise RuntimeError("moved left of cell 0")
        elif ch == ".":
            out.append(tape[p])
        elif ch == ",":
            tape[p] = inp[ip] if ip < len(inp) else 0
            ip += 1
        elif ch == "[":
            if tape[p] == 0:
                pc = match[pc]
        elif ch == "]":
            if tape[p] != 0:
                pc = match[pc]
        pc += 1
    return bytes(out), steps


PROGRAMS = {
    "hello": hello,
    "triangle": triangle,
    "primes": primes,
    "squares": squares,
    "fizzbuzz": fizzbuzz,
}


def main():
    names = sys.argv[1:] or list(PROGRAMS)
    for name in names:
        code = PROGRAMS[name]()
        # wrap long lines for readability
        lines = []
        for chunk in code.split("\n"):
            while len(chunk) > 100:
                lines.append(chunk[:100])
                chunk = chunk[100:]
            lines.append(chunk)
        text = "\n".join(l for l in lines if l != "") + "\n"
        out, steps = reference_run(text)
        with open(os.path.join(OUT_DIR, name + ".b"), "w") as f:
            f.write(f"{name} (generated by tests bf gen bfgen py; see docs bf md)\n")
            f.write(text)
        with open(os.path.join(OUT_DIR, name + ".out"), "wb") as f:
            f.write(out)
        print(f"{name}: {len(text)} chars, {steps} steps, {len(out)} bytes out")


if __name__ == "__main__":
    main()
