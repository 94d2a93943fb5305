#!/usr/bin/python3.11
"""Regenerates the expected output of the Python test programs from CPython 3.11.

For each tests/py/AREA/NAME.py (helper modules `mod_*.py` and sub-folders
excluded) runs `/usr/bin/python3.11 NAME.py` with the working directory =
AREA and writes
  NAME.out  its stdout (always),
  NAME.err  its stderr followed by "[exit N]" when the status N is not 0
            (only written when stderr is non-empty or the status is not 0;
            a stale NAME.err is removed otherwise).
CPython names the script (and modules imported from its folder) by absolute
path in tracebacks; the expected files say @DIR@ for the program's folder
(the test harness substitutes the real path back).
Each program is run twice, with PYTHONHASHSEED=0 and PYTHONHASHSEED=1; if
the two runs differ the program is nondeterministic (or depends on str
hashing) and nothing is written for it: the script prints it and exits 1.

Usage: regen.py [AREA/NAME ...]   (default: every program)
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3.11"


def programs():
    for path in sorted(glob.glob(os.path.join(HERE, "*", "*.py"))):
        if not os.path.basename(path).startswith("mod_"):
            yield path


def run(path, seed):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = str(seed)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONSTARTUP", None)
    p = subprocess.run([PYTHON, os.path.basename(path)], cwd=os.path.dirname(path),
                       capture_output=True, env=env, timeout=60)
    folder = os.path.dirname(os.path.realpath(path)).encode() + b"/"
    return (p.stdout.replace(folder, b"@DIR@/"), p.stderr.replace(folder, b"@DIR@/"),
            p.returncode)


def main(argv):
    if argv:
        paths = []
        for name in argv:
            name = name[:-3] if name.endswith(".py") else name
            name = os.path.relpath(os.path.abspath(name), HERE) if os.path.exists(name + ".py") else name
            if not os.path.basename(name).startswith("mod_"):
                paths.append(os.path.join(HERE, name + ".py"))
    else:
        paths = list(programs())
    bad = []
    for path in paths:
        rel = os.path.relpath(path, HERE)[:-3]
        try:
            first = run(path, 0)
            second = run(path, 1)
        except subprocess.TimeoutExpired:
            print("TIMEOUT (60 s):", rel)
            bad.append(rel)
            continue
        if first != second:
            print("NONDETERMINISTIC:", rel)
            bad.append(rel)
            continue
        out, err, status = first
        with open(path[:-3] + ".out", "wb") as f:
            f.write(out)
        errpath = path[:-3] + ".err"
        if err or status:
            if status:
                if err and not err.endswith(b"\n"):
                    err += b"\n"
                err += b"[exit %d]\n" % status
            with open(errpath, "wb") as f:
                f.write(err)
        elif os.path.exists(errpath):
            os.remove(errpath)
        note = ""
        if err or status:
            note = "(stderr, exit %d)" % status
            if b"Warning" in err:
                note += " WARNING in stderr"
        print("wrote", rel, note)
    if bad:
        print("%d nondeterministic or hanging program(s); their expected files were not written" % len(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
