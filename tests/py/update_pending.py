#!/usr/bin/python3.11
"""Runs every Python test program under Pyrite and rewrites pending.txt.

    tests/py/update_pending.py --pyrite build/pyrite [--jobs 2] [--timeout 60] [--max-memory MB] [-v]

Each program AREA/NAME.py is run in its folder as `PYRITE FLAGS NAME.py`
with FLAGS `-X jit=off` and `-X jit=off -X gc-stress` (the two ctest
modes) and checked exactly as tests/py_check.cmake does: stdout equals
NAME.out; stderr plus "[exit N]" (N != 0) equals NAME.err if it exists,
else stderr is empty and the status 0 (@DIR@ in the expected files stands
for the program's folder, as CPython prints absolute script paths). A program passes when both modes
pass (programs in gcstress_intervals.txt with -X gc-stress=N). pending.txt
is rewritten to the programs that do not pass yet,
keeping its comment lines (lines starting with #) at the top. With
AREA or AREA/NAME arguments only those programs run and the others keep
their current status. A runaway interpreter can be contained with
--max-memory (address-space limit, MB) and --timeout (seconds).
"""
import argparse
import concurrent.futures
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODES = (["-X", "jit=off"], ["-X", "jit=off", "-X", "gc-stress"])


def programs():
    for path in sorted(glob.glob(os.path.join(HERE, "*", "*.py"))):
        if not os.path.basename(path).startswith("mod_"):
            yield os.path.relpath(path, HERE)[:-3]


MAX_MEMORY_KB = 0  # address-space limit per run (--max-memory), 0: none


def check(pyrite, rel, flags, timeout):
    folder, name = os.path.split(os.path.join(HERE, rel))
    try:
        cmd = [pyrite] + flags + [name + ".py"]
        if MAX_MEMORY_KB:  # through the shell: preexec_fn is not safe with threads
            cmd = ["sh", "-c", 'ulimit -v %d && exec "$0" "$@"' % MAX_MEMORY_KB] + cmd
        p = subprocess.run(cmd, cwd=folder, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    except OSError as e:
        return "cannot run: %s" % e
    with open(os.path.join(folder, name + ".out"), "rb") as f:
        expected_out = f.read()
    err_path = os.path.join(folder, name + ".err")
    expected_err = b""
    if os.path.exists(err_path):
        with open(err_path, "rb") as f:
            expected_err = f.read()
    realdir = os.path.realpath(folder).encode()
    expected_out = expected_out.replace(b"@DIR@", realdir)
    expected_err = expected_err.replace(b"@DIR@", realdir)
    err = p.stderr
    status = p.returncode
    if status < 0:  # killed by a signal: what cmake reports differs, but it fails anyway
        return "killed by signal %d" % -status
    if status:
        if err and not err.endswith(b"\n"):
            err += b"\n"
        err += b"[exit %d]\n" % status
    if p.stdout != expected_out:
        return "stdout differs"
    if err != expected_err:
        return "stderr/exit status differs"
    return None


def stress_intervals():
    """AREA/NAME -> N for programs collecting at every N-th allocation (gcstress_intervals.txt)."""
    path = os.path.join(HERE, "gcstress_intervals.txt")
    out = {}
    with open(path) as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                rel, n = line.split()
                out[rel] = int(n)
    return out


STRESS_INTERVALS = stress_intervals()


def run_program(pyrite, rel, timeout):
    for flags in MODES:
        if "gc-stress" in flags and rel in STRESS_INTERVALS:
            flags = flags[:-1] + ["gc-stress=%d" % STRESS_INTERVALS[rel]]
        why = check(pyrite, rel, flags, timeout)
        if why:
            return rel, "%s (%s)" % (why, " ".join(flags))
    return rel, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyrite", required=True, help="path to the pyrite executable")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--max-memory", type=int, default=0, metavar="MB",
                    help="limit each run's address space (RLIMIT_AS) to MB megabytes; 0: no limit")
    ap.add_argument("-v", "--verbose", action="store_true", help="print why each failing program fails")
    ap.add_argument("only", nargs="*", metavar="AREA[/NAME]",
                    help="run only these programs (prefixes); the others keep their pending status")
    args = ap.parse_args()
    global MAX_MEMORY_KB
    MAX_MEMORY_KB = args.max_memory * 1024
    pyrite = os.path.abspath(args.pyrite)
    if not os.access(pyrite, os.X_OK):
        print("not an executable:", pyrite)
        return 2

    pending_path = os.path.join(HERE, "pending.txt")
    comments = []
    old = set()
    if os.path.exists(pending_path):
        with open(pending_path) as f:
            for line in f:
                stripped = line.strip()
                if stripped.startswith("#"):
                    comments.append(line.rstrip("\n"))
                elif stripped:
                    old.add(stripped.split("#")[0].strip())

    all_names = list(programs())
    names = [n for n in all_names if not args.only or any(n == o or n.startswith(o.rstrip("/") + "/") for o in args.only)]
    failing = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for i, (rel, why) in enumerate(pool.map(lambda r: run_program(pyrite, r, args.timeout), names), 1):
            if why:
                failing[rel] = why
                if args.verbose:
                    print("FAIL", rel, "-", why, flush=True)
            if i % 50 == 0:
                print(f"... {i}/{len(names)} run, {i - len(failing)} pass", flush=True)

    with open(pending_path, "w") as f:
        for line in comments:
            f.write(line + "\n")
        for rel in all_names:
            if rel in failing or (rel not in names and rel in old):
                f.write(rel + "\n")

    passed = len(names) - len(failing)
    newly = sorted(r for r in names if r in old and r not in failing)
    regressed = sorted(r for r in names if r not in old and r in failing)
    for r in newly:
        print("now passes:", r)
    for r in regressed:
        print("REGRESSED (was not pending):", r, "-", failing[r])
    print("%d of %d programs run pass (both modes); %d programs pending in total" %
          (passed, len(names), sum(1 for r in all_names if r in failing or (r not in names and r in old))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
