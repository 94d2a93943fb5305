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


def primes(LIMIT=100):
    """Trial division: prints the primes below LIMIT (at most 255).

    n % d == 0 is tested with a countdown r that starts at d and is reset to
    d whenever it reaches 0: after n steps r == d exactly when d divides n.
    """
    g = new_gen()
    g.comment(f"Primes below {LIMIT} by trial division")
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


# ---- constant-time zero tests ----------------------------------------------
#
# if_nz above copies its cell (a loop as long as the value) before testing
# it; the mandelbrot program tests counters millions of times, so it uses
# the classic constant-time idiom instead. A tested cell x owns the two
# cells after it (f = x+1, z = x+2), which are 0 between tests:
#
#     >+<[ B >-]>[ -< A >> ]      pointer starts at x, ends at z
#
# x != 0: the first loop runs B (from x, back to x), clears f and exits at
# f; '>' goes to z (0), the second loop is skipped. x == 0: the first loop
# is skipped (pointer at x), '>' goes to f (1), the second loop clears f,
# runs A from x, and exits at z. Both paths end at z.


def tcell(self):
    """A cell that if_zero_else can test: it and its two zero neighbours."""
    c = self.next_cell
    self.next_cell += 3
    return c


def if_zero_else(self, x, when_zero, when_nonzero):
    self.at(x)
    self.emit(">+<[")
    when_nonzero()
    self.at(x)
    self.emit(">-]>[-<")
    self.pos = x
    when_zero()
    self.at(x)
    self.emit(">>]")
    self.pos = x + 2


def while_both_nonzero(self, a, b, go, body):
    """while a != 0 and b != 0: body(). a and b are tcells."""
    def test():
        self.clear(go)
        self.if_zero_else(a, lambda: None,
                          lambda: self.if_zero_else(b, lambda: None, lambda: self.add(go, 1)))
    test()
    def step():
        body()
        test()
    self.loop(go, step)


Gen.tcell = tcell
Gen.if_zero_else = if_zero_else
Gen.while_both_nonzero = while_both_nonzero


def mandelbrot_model(S, N, x0, nx, dx, y0, ny, dy, palette):
    """The picture mandelbrot() computes, by the same fixed-point rules.

    z = z^2 + c with values in units of 1/S: |x| and |y| above 2S, or
    x2 + y2 above 4S, escape, where x2 = round(x^2/S), y2 = round(y^2/S)
    and 2xy is round(2|x||y|/S) with its sign (halves rounded up). The output character is chosen by the iterations done.
    """
    out = []
    for row in range(ny):
        cy = y0 + row * dy
        for col in range(nx):
            cx = x0 + col * dx
            x = y = 0
            used = 0
            while used < N:
                ax, ay = abs(x), abs(y)
                if ax > 2 * S or ay > 2 * S:
                    break
                x2, y2 = (ax * ax + S // 2) // S, (ay * ay + S // 2) // S
                if x2 + y2 > 4 * S:
                    break
                xy = (ax * ay + S // 4) // (S // 2)
                if (x < 0) != (y < 0):
                    xy = -xy
                x, y = x2 - y2 + cx, xy + cy
                assert -128 < x < 128 and -128 < y < 128
                used += 1
            ch = " "
            for th, c in palette:
                if used >= th:
                    ch = c
            out.append(ch)
        out.append("\n")
    return "".join(out).encode()


def mandelbrot_params(size):
    """(S, N, x0, nx, dx, y0, ny, dy, palette) for a picture size."""
    if size == "small":
        S, N = 16, 12
        x0, nx, dx, y0, ny, dy = -32, 21, 2, -16, 9, 4
    elif size == "big":  # the benchmark
        S, N = 20, 100
        x0, nx, dx, y0, ny, dy = -42, 53, 1, -22, 23, 2
    else:  # "deep": the same picture at 250 iterations, where warm-up is a small share
        S, N = 20, 250
        x0, nx, dx, y0, ny, dy = -42, 53, 1, -22, 23, 2
    # thresholds ascend: the program raises the character step by step
    slow = [(8, "*"), (10, "%")] if size == "small" else [(9, "*"), (16, "%")]
    palette = [(1, "."), (2, ":"), (3, "-"), (4, "="), (6, "+")] + slow + [(N, "@")]
    return S, N, x0, nx, dx, y0, ny, dy, palette


def mandelbrot(size="small"):
    """An ASCII Mandelbrot set in fixed point, on 8-bit cells.

    Numbers are two's complement cells in units of 1/S (S <= 20 keeps every
    value the model allows within -127..127). Per iteration: |x|, |y| and
    their signs by counting a copy and its negation down together; squares
    and the product by repeated counting with a countdown remainder (the
    division by S); the escape tests by counting two cells down together.
    Loops run as often as the values say, so every loop is entered with
    many different counts: a guard-heavy workload for the JIT.
    """
    S, N, x0, nx, dx, y0, ny, dy, palette = mandelbrot_params(size)
    g = new_gen()
    g.comment(f"Mandelbrot set {nx}x{ny}, fixed point 1/{S}, {N} iterations")
    rows, cols, cx, cy, X, Y = g.cells(6)
    alive, go, iters, used, neg = g.cells(5)
    esc = g.tcell()
    ax, ay, x2, y2, xy, c, t1, t2 = g.cells(8)
    a, b, k, r = g.tcell(), g.tcell(), g.tcell(), g.tcell()
    ta, tb = g.tcell(), g.tcell()
    sx, sy = g.tcell(), g.tcell()
    e2 = g.tcell()

    def abs_sign(v, m, sign):
        """m = |v|, sign = 1 if v < 0 (v two's complement, kept)."""
        g.clear(m)
        g.clear(a)
        g.clear(b)
        g.clear(t1)
        g.move(v, [a, t1])
        g.move(t1, [v])
        g.clear(t1)
        g.move(v, [b, t1], sign=-1)  # b = -v, v = 0
        g.move(t1, [v], sign=-1)     # v restored
        def step():
            g.add(a, -1)
            g.add(b, -1)
            g.add(m, 1)
        g.while_both_nonzero(a, b, go, step)
        g.clear(sign)
        g.if_zero_else(a, lambda: None, lambda: g.add(sign, 1))
        g.clear(a)
        g.clear(b)

    def exceeds(v, limit):
        """esc = 1 if cell v > limit (v kept, 0..255)."""
        g.copy(v, a, t1)
        g.set(b, limit + 1)
        def step():
            g.add(a, -1)
            g.add(b, -1)
        g.while_both_nonzero(a, b, go, step)
        g.if_zero_else(b, lambda: g.set(esc, 1), lambda: None)
        g.clear(a)
        g.clear(b)

    def product(p, q, d, out):
        """out = round(p * q / d) (halves up), p and q kept (magnitudes)."""
        g.clear(out)
        g.set(r, d - d // 2)
        g.copy(p, ta, t1)
        def outer():
            g.add(ta, -1)
            g.copy(q, tb, t1)
            def inner():
                g.add(tb, -1)
                g.add(r, -1)
                def carry():
                    g.add(out, 1)
                    g.add(r, d)
                g.if_zero_else(r, carry, lambda: None)
            g.loop(tb, inner)
        g.loop(ta, outer)
        g.clear(r)

    g.set(cy, y0)
    g.set(rows, ny)
    def row():
        g.add(rows, -1)
        g.set(cx, x0)
        g.set(cols, nx)
        def col():
            g.add(cols, -1)
            g.clear(X)
            g.clear(Y)
            g.clear(used)
            g.set(iters, N)
            g.set(alive, 1)
            def iterate():
                g.clear(esc)
                abs_sign(X, ax, sx)
                abs_sign(Y, ay, sy)
                exceeds(ax, 2 * S)
                exceeds(ay, 2 * S)
                def squares():
                    product(ax, ax, S, x2)
                    product(ay, ay, S, y2)
                    g.copy(x2, c, t1)
                    g.add_cell(c, y2, t1)
                    exceeds(c, 4 * S)
                    g.clear(c)
                g.if_zero_else(esc, squares, lambda: None)
                def step():
                    product(ax, ay, S // 2, xy)
                    # neg = sx xor sy
                    g.clear(neg)
                    g.if_zero_else(sx, lambda: g.add_cell(neg, sy, t1),
                                   lambda: g.if_zero_else(sy, lambda: g.add(neg, 1), lambda: None))
                    g.clear(X)
                    g.move(x2, [X])
                    g.move(y2, [X], sign=-1)
                    g.add_cell(X, cx, t1)
                    g.clear(Y)
                    g.copy(neg, e2, t1)
                    g.if_zero_else(e2, lambda: g.move(xy, [Y]), lambda: g.move(xy, [Y], sign=-1))
                    g.clear(e2)
                    g.add_cell(Y, cy, t1)
                    g.add(used, 1)
                    g.add(iters, -1)
                    g.copy(iters, e2, t1)
                    g.if_zero_else(e2, lambda: g.clear(alive), lambda: None)
                    g.clear(e2)
                g.copy(esc, e2, t1)
                g.if_zero_else(e2, step, lambda: g.clear(alive))
                g.clear(e2)
                g.clear(x2)
                g.clear(y2)
                g.clear(xy)
            g.loop(alive, iterate)
            # the character: ' ' raised step by step as `used` passes thresholds
            g.set(c, 32)
            prev = 32
            for th, ch in palette:
                g.copy(used, a, t1)
                g.set(b, th)
                def step():
                    g.add(a, -1)
                    g.add(b, -1)
                g.while_both_nonzero(a, b, go, step)
                g.if_zero_else(b, lambda d=ord(ch) - prev: g.add(c, d), lambda: None)
                g.clear(a)
                g.clear(b)
                prev = ord(ch)
            g.at(c)
            g.emit(".")
            g.add(cx, dx)
        g.loop(cols, col)
        g.print_char("\n", c)
        g.add(cy, dy)
    g.loop(rows, row)
    return g.text()


def bridges():
    """Branches that go different ways per round, so guards fail and bridges form.

    Each of 300 rounds: a parity branch that alternates (then/else of one
    if); a three-way branch on n % 3 from a countdown; a move loop
    ([->+<] style) entered with n % 8 (zero times included); and an inner
    loop that leaves after one pass on odd rounds and after two on even
    ones (its closing guard exits at a different pass each time). Each
    round prints the letters of the paths it took; the end prints two sums.
    """
    BLOCKS, N = 3, 100  # 300 rounds: past the default hot threshold
    g = new_gen()
    g.comment("Per-round branches: parity, n mod 3, n mod 8 moves, alternating inner exits")
    blocks, left, par, m3, m8, w, acc, x, q, k, e, f, c, tx, ty = g.cells(15)
    t = g.cells(8)
    g.set(blocks, BLOCKS)
    g.set(m3, 3)
    def round_():
        g.add(left, -1)
        # parity: par flips between 0 and 1
        g.set(e, 1)
        g.if_nz(par, lambda: g.clear(e), tx)   # e = not par
        def odd():
            g.add(x, 3)
            g.print_char("o", c)
        def even():
            g.add(x, -1)
            g.print_char("e", c)
        g.if_nz(par, odd, tx)
        g.if_nz(e, even, tx)
        g.clear(par)
        g.move(e, [par])
        # n % 3 by a countdown from 3: paths a, b, c
        g.add(m3, -1)
        g.eq_const(m3, 2, e, tx, ty)
        g.if_nz(e, lambda: (g.print_char("a", c), g.add(x, 4)), tx)
        g.eq_const(m3, 1, e, tx, ty)
        g.if_nz(e, lambda: g.print_char("b", c), tx)
        g.set(f, 1)
        g.if_nz(m3, lambda: g.clear(f), tx)
        def wrap3():
            g.print_char("c", c)
            g.add(x, 7)
            g.set(m3, 3)
        g.if_nz(f, wrap3, tx)
        # a move loop entered with n % 8 in w
        g.copy(m8, w, tx)
        g.move(w, [acc])
        g.add(m8, 1)
        g.eq_const(m8, 8, e, tx, ty)
        g.if_nz(e, lambda: g.clear(m8), tx)
        # an inner loop leaving after 1 pass (par = 1) or 2 passes (par = 0)
        g.set(q, 1)
        g.set(k, 2)
        def inner():
            g.add(k, -1)
            g.add(acc, 1)
            g.set(e, 1)
            g.if_nz(par, lambda: g.clear(e), tx)    # e = (par == 0)
            g.set(f, 1)
            g.if_nz(k, lambda: g.clear(f), tx)      # f = (k == 0)
            g.if_nz(f, lambda: g.clear(e), tx)
            g.clear(q)
            g.move(e, [q])
            g.print_char("i", c)
        g.loop(q, inner)
        g.print_char("\n", c)
    def block():
        g.add(blocks, -1)
        g.set(left, N)
        g.loop(left, round_)
    g.loop(blocks, block)
    g.print_decimal(x, t)
    g.print_char(" ", c)
    g.print_decimal(acc, t)
    g.print_char("\n", c)
    return g.text()


def nested():
    """Five nested counted loops (3 x 4 x 5 x 6 x 7 = 2520 innermost passes),
    each level entered with its count reset, around a decimal odometer whose
    carry chain adds four more levels of nesting; prints the running total
    at the end of every second-level pass."""
    COUNTS = [3, 4, 5, 6, 7]
    DIGITS = 4
    g = new_gen()
    g.comment("Five nested loops around a decimal odometer")
    digits = g.cells(DIGITS)
    e, x, y, carry, nz, c = g.cells(6)
    ctr = g.cells(len(COUNTS))

    def increment():
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

    def print_number():
        g.clear(nz)
        for i in reversed(range(DIGITS)):
            dgt = digits[i]
            def show(dgt=dgt):
                g.add(dgt, 48)
                g.at(dgt)
                g.emit(".")
                g.add(dgt, -48)
            if i > 0:
                g.add_cell(nz, dgt, x)
                g.if_nz(nz, show, y)
            else:
                show()
        g.print_char("\n", c)

    def level(i):
        g.set(ctr[i], COUNTS[i])
        def body():
            g.add(ctr[i], -1)
            if i + 1 < len(COUNTS):
                level(i + 1)
            else:
                increment()
            if i == 1:
                print_number()
        g.loop(ctr[i], body)
    level(0)
    return g.text()


def loop_big():
    """The benchmark's hot loop: four nested counters, 3 x 255^3 (50M)
    innermost passes, each flipping a flag and adding under it (small loops
    used as a toggle and an if, so gcc -O2 cannot fold the nest into
    closed forms as it does plain counting loops); then the sums in decimal."""
    return toggle_nest(3, 255)


def toggle():
    """loop_big's nest at 2 x 9^3 passes: the innermost loop takes one path
    and the other in turn, so its trace spans two iterations (docs/jit.md,
    "Unrolling")."""
    return toggle_nest(2, 9)


def toggle_nest(OUTER, N):
    g = new_gen()
    g.comment(f"A long-running hot loop: {OUTER} x {N} x {N} x {N} passes")
    a, b, c, d, s1, s2, f, e, w, tx = g.cells(10)
    t = g.cells(8)
    out = g.cell()
    g.set(a, OUTER)
    def la():
        g.add(a, -1)
        g.set(b, N)
        def lb():
            g.add(b, -1)
            g.set(c, N)
            def lc():
                g.add(c, -1)
                g.set(d, N)
                def ld():
                    g.add(d, -1)
                    # f = 1 - f
                    g.set(e, 1)
                    g.loop(f, lambda: (g.add(f, -1), g.add(e, -1)))
                    g.move(e, [f])
                    # if f: s1 += 3
                    g.copy(f, w, tx)
                    g.loop(w, lambda: (g.add(s1, 3), g.clear(w)))
                    g.add(s2, 7)
                g.loop(d, ld)
            g.loop(c, lc)
        g.loop(b, lb)
    g.loop(a, la)
    g.print_decimal(s1, t)
    g.print_char(" ", out)
    g.print_decimal(s2, t)
    g.print_char("\n", out)
    return g.text()


def loop_big_model():
    n = 3 * 255 ** 3
    return f"{3 * ((n + 1) // 2) % 256} {7 * n % 256}\n".encode()


def reference_run(code, inp=b""):
    """A plain BF interpreter: 8-bit wrapping cells, EOF reads 0.

    Runs of +-<> are folded (the result is the same; it only makes the
    long programs checkable in seconds). `steps` counts the folded ops.
    """
    prog = []  # [op, arg]: op in "+><[].,"; "+" arg mod 256, ">" signed
    stack = []
    for ch in code:
        if ch in "+-":
            d = 1 if ch == "+" else -1
            if prog and prog[-1][0] == "+":
                prog[-1][1] += d
            else:
                prog.append(["+", d])
        elif ch in "<>":
            d = 1 if ch == ">" else -1
            if prog and prog[-1][0] == ">":
                prog[-1][1] += d
            else:
                prog.append([">", d])
        elif ch == "[":
            stack.append(len(prog))
            prog.append(["[", 0])
        elif ch == "]":
            j = stack.pop()
            prog[j][1] = len(prog)
            prog.append(["]", j])
        elif ch in ".,":
            prog.append([ch, 0])
    ops = [p[0] for p in prog]
    args = [p[1] % 256 if p[0] == "+" else p[1] for p in prog]
    tape = bytearray(70000)
    p = pc = ip = 0
    out = bytearray()
    steps = 0
    n = len(ops)
    while pc < n:
        op = ops[pc]
        steps += 1
        if op == "+":
            tape[p] = (tape[p] + args[pc]) & 255
        elif op == ">":
            p += args[pc]
            if p < 0:
                raise RuntimeError("moved left of cell 0")
        elif op == "[":
            if tape[p] == 0:
                pc = args[pc]
        elif op == "]":
            if tape[p] != 0:
                pc = args[pc]
        elif op == ".":
            out.append(tape[p])
        else:
            tape[p] = inp[ip] if ip < len(inp) else 0
            ip += 1
        pc += 1
    return bytes(out), steps


PROGRAMS = {
    "hello": hello,
    "triangle": triangle,
    "primes": primes,
    "squares": squares,
    "fizzbuzz": fizzbuzz,
    "mandelbrot": lambda: mandelbrot("small"),
    "bridges": bridges,
    "nested": nested,
    "toggle": toggle,
}

# Benchmark sizes (bench/bf/, docs/bf.md "Benchmark"): too slow for the
# reference interpreter, so their expected output comes from a model of the
# computation (independent of the BF program), or none is written.
BENCH_DIR = os.path.join(os.path.dirname(os.path.dirname(OUT_DIR)), "bench", "bf")
BENCH = {
    "mandelbrot_big": (lambda: mandelbrot("big"),
                       lambda: mandelbrot_model(*mandelbrot_params("big"))),
    "loop_big": (loop_big, lambda: loop_big_model()),
    "mandelbrot_deep": (lambda: mandelbrot("deep"),
                        lambda: mandelbrot_model(*mandelbrot_params("deep"))),
    # primes.b's nest of short loops (docs/bf.md) long enough that the
    # compiled code, not warm-up, sets the time
    "primes_big": (lambda: primes(250),
                   lambda: "".join(f"{n}\n" for n in range(2, 250)
                                   if all(n % d for d in range(2, n))).encode()),
}


def write_program(path, name, text):
    with open(path, "w") as f:
        f.write(f"{name} (generated by tests bf gen bfgen py; see docs bf md)\n")
        f.write(text)


def wrap_lines(code):
    lines = []
    for chunk in code.split("\n"):
        while len(chunk) > 100:
            lines.append(chunk[:100])
            chunk = chunk[100:]
        lines.append(chunk)
    return "\n".join(l for l in lines if l != "") + "\n"


def main():
    names = sys.argv[1:] or list(PROGRAMS) + list(BENCH)
    for name in names:
        if name in BENCH:
            make, model = BENCH[name]
            text = wrap_lines(make())
            out = model()
            write_program(os.path.join(BENCH_DIR, name + ".b"), name, text)
            with open(os.path.join(BENCH_DIR, name + ".out"), "wb") as f:
                f.write(out)
            print(f"{name}: {len(text)} chars, {len(out)} bytes out (model)")
            continue
        text = wrap_lines(PROGRAMS[name]())
        out, steps = reference_run(text)
        if name == "mandelbrot":
            assert out == mandelbrot_model(*mandelbrot_params("small")), "mandelbrot: program and model differ"
        write_program(os.path.join(OUT_DIR, name + ".b"), name, text)
        with open(os.path.join(OUT_DIR, name + ".out"), "wb") as f:
            f.write(out)
        print(f"{name}: {len(text)} chars, {steps} steps, {len(out)} bytes out")


if __name__ == "__main__":
    main()
