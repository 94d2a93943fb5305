#!/usr/bin/python3.11
"""Compares `pyrite --dump-ast` with CPython 3.11's ast.dump on every .py file
under /usr/lib/python3.11 (the stdlib and its test suite), including the files
CPython rejects: for those both must report the same error, message and place.

Files listed in stdlib_known_failures.txt (with a reason) are allowed to
differ; the check fails on any other difference, and reports known failures
that now pass so the list can shrink. Usage:

    tests/frontend/stdlib_ast_check.py --pyrite build/pyrite [--root DIR]
        [--show N] [--update-known] [--quiet] [--jobs N]
"""
import argparse
import ast
import concurrent.futures
import multiprocessing
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN = os.path.join(HERE, "stdlib_known_failures.txt")


def reference(path, attributes=False):
    """What `pyrite --dump-ast path` must print (without the final newline)."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        return ast.dump(ast.parse(source, path), include_attributes=attributes)
    except SyntaxError as e:
        return "%s: %s (line %s, offset %s)" % (type(e).__name__, e.msg, e.lineno or 0, e.offset or 0)
    except (ValueError, RecursionError, MemoryError) as e:
        return "%s: %s" % (type(e).__name__, e)


def reference_with_attributes(path):
    return reference(path, True)


def run_pyrite(pyrite, path, attributes=False):
    flags = ["-X", "ast-attributes"] if attributes else []
    try:
        p = subprocess.run([pyrite] + flags + ["--dump-ast", path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "<timeout>"
    out = p.stdout.decode("utf-8", "replace").rstrip("\n")
    if p.returncode not in (0, 1):
        return "<crash: exit %d> %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[-500:])
    return out


def collect(root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py"):
                files.append(os.path.join(dirpath, name))
    return files


def load_known():
    known = {}
    if os.path.exists(KNOWN):
        for line in open(KNOWN, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            path, _, reason = line.partition("\t")
            known[path] = reason
    return known


def first_difference(a, b):
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    lo = max(0, n - 80)
    return "    cpython: ...%s\n    pyrite:  ...%s" % (a[lo:n + 80], b[lo:n + 80])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrite", required=True)
    ap.add_argument("--root", default="/usr/lib/python3.11")
    ap.add_argument("--show", type=int, default=20, help="differences to show in detail")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--attributes", action="store_true",
                    help="compare positions too (ast.dump(include_attributes=True))")
    ap.add_argument("--update-known", action="store_true",
                    help="rewrite the known-failures list with today's differences")
    args = ap.parse_args()

    files = collect(args.root)
    start = time.time()
    with multiprocessing.Pool(args.jobs) as pool:
        expected = pool.map(reference_with_attributes if args.attributes else reference, files, chunksize=16)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        got = list(ex.map(lambda f: run_pyrite(args.pyrite, f, args.attributes), files))
    elapsed = time.time() - start

    known = load_known()
    failures = [(f, e, g) for f, e, g in zip(files, expected, got) if e != g]
    failed = {f for f, _, _ in failures}
    unexpected = [x for x in failures if x[0] not in known]
    fixed = sorted(f for f in known if f not in failed and f in set(files))
    rejected = sum(1 for e in expected if not e.startswith("Module("))

    print("stdlib ast check: %d/%d files match CPython (%d rejected by CPython), %.0fs"
          % (len(files) - len(failures), len(files), rejected, elapsed))
    if args.update_known:
        with open(KNOWN, "w", encoding="utf-8") as out:
            out.write("# Files whose `pyrite --dump-ast` differs from CPython's ast.dump.\n")
            out.write("# Regenerate: tests/frontend/stdlib_ast_check.py --pyrite build/pyrite --update-known\n")
            for f, e, g in failures:
                reason = known.get(f) or ("crash" if g.startswith("<crash") else "differs")
                out.write("%s\t%s\n" % (f, reason))
        print("wrote %s (%d entries)" % (KNOWN, len(failures)))
        return 0
    shown = unexpected if args.quiet else failures
    for f, e, g in shown[:args.show]:
        print("DIFF %s%s" % (f, "" if f in unexpected else " (known)"))
        print(first_difference(e, g))
    if len(shown) > args.show:
        print("... and %d more" % (len(shown) - args.show))
    if fixed:
        print("%d known failures now pass (run with --update-known):" % len(fixed))
        for f in fixed[:args.show]:
            print("  " + f)
    if unexpected:
        print("FAILED: %d files differ that are not in %s" % (len(unexpected), os.path.basename(KNOWN)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
