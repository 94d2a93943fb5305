#!/usr/bin/python3.11
"""Regenerates the expected output of the front-end cases from CPython 3.11.

For each tests/frontend/cases/NAME.py writes NAME.ast: what
`pyrite --dump-ast NAME.py` must print (ast.dump, or the SyntaxError line
followed by "[exit 1]"). For each tests/frontend/errors/NAME.py writes
NAME.err: what `python3.11 NAME.py` prints to stderr, run in that folder.
Run after adding or editing a case.
"""
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stdlib_ast_check import reference  # noqa: E402

for path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases", "*.py"))):
    out = reference(path) + "\n"
    if not out.startswith("Module("):
        out += "[exit 1]\n"
    with open(path[:-3] + ".ast", "w", encoding="utf-8") as f:
        f.write(out)
    print("wrote", os.path.relpath(path[:-3] + ".ast"))

errors = os.path.join(os.path.dirname(os.path.abspath(__file__)), "errors")
for path in sorted(glob.glob(os.path.join(errors, "*.py"))):
    name = os.path.basename(path)
    p = subprocess.run(["/usr/bin/python3.11", name], cwd=errors, capture_output=True)
    # CPython names the script by its absolute path; the test substitutes
    # its own folder for @DIR@ so the expectation holds in any checkout.
    out = p.stderr.decode("utf-8").replace(errors + "/", "@DIR@/")
    if p.returncode:
        out += "[exit %d]\n" % p.returncode
    with open(path[:-3] + ".err", "w", encoding="utf-8") as f:
        f.write(out)
    print("wrote", os.path.relpath(path[:-3] + ".err"))
