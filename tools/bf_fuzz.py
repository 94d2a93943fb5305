#!/usr/bin/env python3
"""Differential fuzzing of pyrite-bf: random BF programs (nested loops, the
clear / move / multiply loops the optimizer closes, pointer walks, even and
odd steps) run with --no-jit and with the JIT at its lowest thresholds and
on both backends; stdout and exit status must agree.

    tools/bf_fuzz.py --bf build/pyrite-bf [--count N] [--seed S]

A program that the interpreter does not finish within --timeout seconds is
skipped (random loops may not terminate)."""
import argparse
import random
import subprocess
import sys

MODES = [
    ["-X", "jit-threshold=1"],
    ["-X", "jit-threshold=2", "-X", "jit-trace_eagerness=1"],
    ["-X", "jit-threshold=3", "-X", "jit-backend=interp"],
    ["-X", "jit-threshold=1", "-X", "jit-opt=none"],
    ["-X", "jit-threshold=2", "-X", "jit-loop_longevity=1"],
    ["-X", "jit-threshold=1", "-X", "jit-loop_summaries=0"],
]


def counted_loop(rng):
    """A loop the optimizer can close: a step on the tested cell, moves
    and adds on cells to its right, back to the tested cell."""
    step = rng.choice(["-", "+", "---", "+++", "--", "-----"])
    body = [step]
    pos = 0
    for _ in range(rng.randint(0, 3)):
        d = rng.randint(1, 3)
        body.append(">" * d)
        pos += d
        body.append(rng.choice("+-") * rng.randint(1, 4))
    body.append("<" * pos)
    return "[" + "".join(body) + "]"


def hot_nest(rng):
    """An outer loop run 20-120 times around counted loops on cells to its
    right, each set up anew in every outer iteration: the outer trace
    records their runs as loop summaries (docs/jit.md)."""
    body = []
    for _ in range(rng.randint(1, 3)):
        d = rng.randint(1, 3)
        body.append(">" * d + rng.choice("+-") * rng.randint(1, 9) + counted_loop(rng) + "<" * d)
        if rng.random() < 0.3:
            body.append(".")
    return "[-]" + "+" * rng.randint(20, 120) + "[-" + "".join(body) + "]"


def block(rng, depth):
    out = []
    for _ in range(rng.randint(1, 6)):
        r = rng.random()
        if r < 0.25:
            out.append(rng.choice("+-") * rng.randint(1, 12))
        elif r < 0.4:
            out.append(">" * rng.randint(1, 3))
        elif r < 0.5:
            out.append("<" * rng.randint(1, 2))
        elif r < 0.65:
            out.append(counted_loop(rng))
        elif r < 0.72:
            out.append(hot_nest(rng))
        elif r < 0.8:
            out.append(".")
        elif depth < 3:
            # A loop that counts its cell down around a random body which
            # comes back to the same cell.
            inner = block(rng, depth + 1)
            bal = inner.count(">") - inner.count("<")
            fix = "<" * bal if bal > 0 else ">" * -bal
            out.append("[-" + inner + fix + "]")
    return "".join(out)


def program(rng):
    return ">>>" + block(rng, 0) + block(rng, 0) + "."


def run(bf, flags, prog, timeout):
    p = subprocess.run([bf, *flags, "/dev/stdin"], input=prog.encode(), capture_output=True, timeout=timeout)
    return p.returncode, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bf", default="build/pyrite-bf")
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=2.0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    checked = skipped = 0
    for k in range(a.count):
        prog = program(rng)
        try:
            want = run(a.bf, ["--no-jit"], prog, a.timeout)
        except subprocess.TimeoutExpired:
            skipped += 1
            continue
        for flags in MODES:
            got = run(a.bf, flags, prog, a.timeout * 10)
            if got != want:
                print(f"MISMATCH program {k} flags {' '.join(flags)}\n{prog}\nwant {want}\ngot  {got}")
                return 1
        checked += 1
    print(f"bf_fuzz: {checked} programs agree in {len(MODES) + 1} modes, {skipped} skipped (no end in {a.timeout} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
