#!/usr/bin/env python3
"""CPython's regression tests under Pyrite, against a committed list of
known failures (docs/regrtest.md).

    tools/regrtest.py [--tier A|B|all] [MODULE ...]   run, compare with the expectations
    tools/regrtest.py --update ...                      rewrite the expectations from this run
    tools/regrtest.py --table FILE ...                  also write the per-module table
                                                        (with CPython 3.11's counts next to ours)

Each module of /usr/lib/python3.11/test (Debian libpython3.11-testsuite)
runs in its own `pyrite -X jit=off tests/regrtest/driver.py test.MODULE`
process, with a timeout; the driver prints every case's outcome. The
expectations (tests/regrtest/expected.tsv) list every case that does not
pass on Pyrite, with its outcome and why:

    case id <tab> FAIL|ERROR|NOLOAD|CRASH|TIMEOUT <tab> reason

The run fails when a case that is not listed does not pass (a
regression) or a listed case passes (an unexpected pass: take it off the
list with --update). Skips are not listed; the table shows them.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRIVER = os.path.join(ROOT, "tests", "regrtest", "driver.py")
EXPECTED = os.path.join(ROOT, "tests", "regrtest", "expected.tsv")
CPYTHON = "/usr/bin/python3.11"

# Issue 6's Tier A: the language and the core types (research/stdlib.md
# section 3, rows 1-19, and the issue's own list). Every one runs in CI.
TIER_A = """grammar opcodes augassign unary binop compare contains richcmp int_literal int pow
scope class super property decorators keywordonlyarg named_expressions with raise
exception_variations baseexception exception_group except_star global dynamic funcattrs
isinstance unpack unpack_ex listcomps setcomps genexps dictcomps extcall string
string_literals print contextlib abc copy sort heapq textwrap complex keyword structseq
typechecks utf8source longexp strtod difflib index float long list dict set tuple unicode
bytes generators descr exceptions bool range slice builtin iter syntax fstring patma
format types""".split()

# Tier B: the modules that need the leaf C modules, and the basic
# submodules of the test_asyncio package, each run on its own
# (PACKAGE.SUBMODULE; docs/regrtest.md).
TIER_B = """itertools functools collections math json re bisect random struct array
operator deque defaultdict ordered_dict enum dataclasses datetime decimal fractions
statistics weakref coroutines asyncgen enumerate
asyncio.test_futures asyncio.test_futures2 asyncio.test_tasks asyncio.test_queues asyncio.test_locks
asyncio.test_runners asyncio.test_pep492 asyncio.test_waitfor asyncio.test_timeouts
asyncio.test_context asyncio.test_taskgroups asyncio.test_events asyncio.test_base_events
asyncio.test_protocols asyncio.test_transports asyncio.test_buffered_proto asyncio.test_streams
asyncio.test_proactor_events""".split()


def module_name(m):
    """test_int for int or test_int; a package's submodule, one process of
    its own, as test_asyncio.test_futures for asyncio.test_futures,
    asyncio.futures or test_asyncio.test_futures."""
    return ".".join(p if p.startswith("test_") else "test_" + p for p in m.split("."))


def run_module(pyrite, module, timeout, cpython=False):
    """The outcomes of one module: {case id: (outcome, detail)}."""
    name = "test." + module
    cmd = [CPYTHON, DRIVER, name] if cpython else [pyrite, "-X", "jit=off", DRIVER, name]
    env = dict(os.environ, PYTHONHASHSEED="0", LC_ALL="C.UTF-8")
    start = time.time()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd="/tmp", env=env,
                           stdin=subprocess.DEVNULL)
        out, status = p.stdout, p.returncode
        err = p.stderr
    except subprocess.TimeoutExpired as e:
        out, status, err = e.stdout or b"", None, b""
    outcomes = {}
    for line in out.decode("utf-8", "replace").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] in ("PASS", "FAIL", "ERROR", "SKIP", "XFAIL", "UPASS", "NOLOAD"):
            outcomes[parts[1]] = (parts[0], parts[2])
    if status is None:
        outcomes[name] = ("TIMEOUT", f"no end within {timeout:.0f} s")
    elif status != 0 and not any(o == "NOLOAD" for o, _ in outcomes.values()):
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        outcomes[name] = ("CRASH", f"exit status {status}: {last[0][:160]}")
    return outcomes, time.time() - start


def load_expected(path):
    expected = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                case, outcome, reason = (line.rstrip("\n").split("\t") + ["", ""])[:3]
                expected[case] = (outcome, reason)
    return expected


def is_bad(outcome):
    return outcome in ("FAIL", "ERROR", "NOLOAD", "CRASH", "TIMEOUT", "UPASS")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modules", nargs="*", help="test modules, the test_ prefix optional (int, or test_int); "
                    "a package's submodule as asyncio.test_futures")
    ap.add_argument("--tier", choices=["A", "B", "all"], default=None)
    ap.add_argument("--pyrite", default=os.path.join(ROOT, "build", "pyrite"))
    ap.add_argument("--expected", default=EXPECTED)
    ap.add_argument("--update", action="store_true", help="rewrite the expectations for the modules run")
    ap.add_argument("--table", help="write a Markdown table, CPython's counts next to Pyrite's")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    a.pyrite = os.path.abspath(a.pyrite)  # the modules run with /tmp as their working directory

    modules = list(a.modules)
    if a.tier in ("A", "all"):
        modules += TIER_A
    if a.tier in ("B", "all"):
        modules += TIER_B
    if not modules:
        modules = TIER_A
    modules = list(dict.fromkeys(module_name(m) for m in modules))

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        futures = {pool.submit(run_module, a.pyrite, m, a.timeout): m for m in modules}
        for f in concurrent.futures.as_completed(futures):
            m = futures[f]
            results[m] = f.result()
            if a.verbose:
                outcomes, secs = results[m]
                bad = sum(is_bad(o) for o, _ in outcomes.values())
                print(f"{m}: {len(outcomes)} cases, {bad} not passing, {secs:.1f} s", file=sys.stderr)

    expected = load_expected(a.expected)
    ran_prefixes = tuple("test." + m for m in modules)

    def in_run(case):
        # A module that did not load is listed under unittest's id for its load error.
        case = case.removeprefix("unittest.loader._FailedTest.")
        return case in ran_prefixes or case.startswith(tuple(p + "." for p in ran_prefixes))

    regressions, unexpected = [], []
    now_bad = {}
    for m in modules:
        for case, (outcome, detail) in results[m][0].items():
            if is_bad(outcome):
                now_bad[case] = (outcome, detail)
                if case not in expected:
                    regressions.append(f"{case}\t{outcome}\t{detail}")
            elif case in expected:
                unexpected.append(f"{case}\t{outcome} (listed as {expected[case][0]})")
    # A listed case that no longer exists in a module that ran is stale.
    for case in expected:
        if in_run(case) and case not in now_bad and not any(case in results[m][0] for m in modules):
            unexpected.append(f"{case}\tnot run (listed as {expected[case][0]})")

    if a.update:
        kept = {c: v for c, v in expected.items() if not in_run(c)}
        for case, (outcome, detail) in now_bad.items():
            reason = expected[case][1] if case in expected and expected[case][0] == outcome else detail
            kept[case] = (outcome, reason)
        with open(a.expected, "w", encoding="utf-8") as f:
            f.write("# Cases of CPython's regression tests that do not pass on Pyrite, and why\n")
            f.write("# (tools/regrtest.py --update writes it; docs/regrtest.md). case\\toutcome\\treason\n")
            for case in sorted(kept):
                outcome, reason = kept[case]
                f.write(f"{case}\t{outcome}\t{reason}\n")
        print(f"regrtest: {a.expected} rewritten ({len(kept)} cases)")

    if a.table:
        write_table(a, modules, results)

    total = sum(len(results[m][0]) for m in modules)
    passed = sum(o == "PASS" for m in modules for o, _ in results[m][0].values())
    print(f"regrtest: {len(modules)} modules, {total} cases, {passed} passed, "
          f"{len(now_bad)} known not passing" if not regressions else
          f"regrtest: {len(modules)} modules, {total} cases, {passed} passed")
    if not a.update:
        for r in regressions:
            print("REGRESSION\t" + r)
        for u in unexpected:
            print("UNEXPECTED PASS\t" + u)
        if regressions or unexpected:
            print(f"regrtest: {len(regressions)} regressions, {len(unexpected)} unexpected passes "
                  f"(after a fix: tools/regrtest.py --update)")
            return 1
    return 0


def counts(outcomes):
    c = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    for o, _ in outcomes.values():
        if o in ("PASS", "XFAIL"):
            c["PASS"] += 1
        elif o == "SKIP":
            c["SKIP"] += 1
        else:
            c["FAIL"] += 1
    return c


def write_table(a, modules, results):
    """Per module: Pyrite's passed / not passed / skipped next to CPython's,
    and the share of the cases CPython passes that pass on Pyrite."""
    rows = []
    cp_total = both_total = not_run_total = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        cp = dict(zip(modules, pool.map(lambda m: run_module(None, m, a.timeout, cpython=True), modules)))
    for m in sorted(modules):
        ours, secs = results[m]
        theirs, cp_secs = cp[m]
        c, k = counts(ours), counts(theirs)
        cp_pass = {case for case, (o, _) in theirs.items() if o in ("PASS", "XFAIL")}
        both = sum(1 for case in cp_pass if ours.get(case, ("", ""))[0] in ("PASS", "XFAIL"))
        # Cases Pyrite never ran: the module's own choice (test_decimal runs
        # its C-accelerator classes only when _decimal imports), or a module
        # that did not load or ended early.
        not_run = sum(1 for case in cp_pass if case not in ours)
        cp_total += len(cp_pass)
        both_total += both
        not_run_total += not_run
        share = f"{100 * both / len(cp_pass):.1f}%" if cp_pass else "-"
        marks = {"NOLOAD": " (no load)", "CRASH": " (crash)", "TIMEOUT": " (timeout)"}
        load = "".join(mark for o, mark in marks.items() if any(v[0] == o for v in ours.values()))
        rows.append(f"| {m}{load} | {c['PASS']} | {c['FAIL']} | {c['SKIP']} | {k['PASS']} | {k['FAIL']} | "
                    f"{k['SKIP']} | {share} | {not_run} | {secs:.1f} | {cp_secs:.1f} |")
    with open(a.table, "w", encoding="utf-8") as f:
        f.write(f"# CPython's regression tests on Pyrite ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n\n")
        f.write(f"- command: `tools/regrtest.py {' '.join(sys.argv[1:])}`\n")
        f.write(f"- pyrite: {a.pyrite} (`-X jit=off`), CPython: {CPYTHON}; one process per module, "
                f"timeout {a.timeout:.0f} s\n")
        f.write(f"- cases CPython passes that pass on Pyrite: {both_total} of {cp_total} "
                f"({100 * both_total / max(cp_total, 1):.1f}%); {not_run_total} of them do not run on Pyrite "
                f"(a module's own choice, such as test_decimal's C-accelerator classes without _decimal, "
                f"or a module that does not load or ends early)\n\n")
        f.write("| module | Pyrite passed | Pyrite failed | Pyrite skipped | CPython passed | CPython failed | "
                "CPython skipped | CPython's passes passing | CPython's passes not run | Pyrite s | CPython s |\n")
        f.write("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        f.write("\n".join(rows) + "\n")
    print(f"regrtest: table in {a.table}")


if __name__ == "__main__":
    sys.exit(main())
