#!/usr/bin/env python3
"""Checks a JIT log written by -X jitlog=FILE (docs/jitlog.md).

usage: tools/jitlog_check.py [--allow-unfinished] [--summary] LOG.jsonl

Every line must be one JSON object; line 1 the header of a version this
script knows; every later record an "event" of the format with its required
keys and their types; trace ids must be started before they are used, and
ascend; a code record's disassembly must cover its bytes exactly; the log
must end with the "end" record (unless --allow-unfinished,
for a log of a process that crashed). Exits 0 when the log is valid, 1 with
one message per problem otherwise. --summary prints counts per event.
"""
import argparse
import json
import re
import sys

VERSION = 1
HEX = re.compile(r"^0x[0-9a-f]+$")


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def is_str(v):
    return isinstance(v, str)


def is_hex(v):
    return isinstance(v, str) and HEX.match(v) is not None


def is_green(v):
    return isinstance(v, dict) and is_hex(v.get("code")) and is_hex(v.get("pc"))


def is_parent(v):
    return isinstance(v, dict) and is_int(v.get("trace")) and is_int(v.get("guard"))


def is_pairs(v):
    return isinstance(v, list) and all(
        isinstance(p, list) and len(p) == 2 and is_int(p[0]) and is_int(p[1]) for p in v)


def is_asm(v):
    return isinstance(v, list) and all(
        isinstance(i, dict) and is_int(i.get("offset")) and is_str(i.get("text"))
        and is_str(i.get("bytes")) and re.match(r"^([0-9a-f]{2})+$", i["bytes"]) for i in v)


def is_totals(v):
    return isinstance(v, dict) and all(is_int(n) for n in v.values())


# event -> {key: check}; every record also has "t_us" (an int).
REQUIRED = {
    "trace_start": {"trace": is_int, "kind": lambda v: v in ("loop", "bridge"), "green": is_green,
                    "position": is_str},
    "abort": {"trace": is_int, "reason": is_str, "message": is_str, "position": is_str, "ops": is_int},
    "ir": {"trace": is_int, "pass": is_str, "ops": is_int, "text": is_str},
    "install": {"trace": is_int, "loop": is_int, "ops": is_int},
    "code": {"trace": is_int, "address": is_hex, "size": is_int, "bytes": is_str, "asm": is_asm},
    "bridge": {"trace": is_int, "guard": is_int, "bridge": is_int},
    "counters": {"trace": is_int, "entered": is_int, "guard_failures": is_pairs},
    "stats": {"text": is_str, "totals": is_totals},
    "end": {"traces": is_int},
}
OPTIONAL = {
    "trace_start": {"target": is_str, "parent": is_parent},
    "code": {"op_offsets": is_pairs},
}


def check(lines, allow_unfinished=False):
    """Returns (problems, counts per event)."""
    problems, counts = [], {}
    if not lines:
        return ["the log is empty"], counts

    def bad(n, msg):
        problems.append(f"line {n}: {msg}")

    try:
        header = json.loads(lines[0])
    except ValueError as e:
        return [f"line 1: not JSON ({e})"], counts
    if not isinstance(header, dict) or header.get("format") != "pyrite-jitlog":
        bad(1, 'the header has no "format":"pyrite-jitlog"')
    elif header.get("version") != VERSION:
        bad(1, f"version {header.get('version')!r}, this checker reads {VERSION}")
    for key in ("language", "program"):
        if not is_str(header.get(key) if isinstance(header, dict) else None):
            bad(1, f'the header has no string "{key}"')
    started = 0
    ended = False
    for n, line in enumerate(lines[1:], start=2):
        if ended:
            bad(n, 'a record after "end"')
        try:
            rec = json.loads(line)
        except ValueError as e:
            bad(n, f"not JSON ({e})")
            continue
        if not isinstance(rec, dict):
            bad(n, "not an object")
            continue
        event = rec.get("event")
        if event not in REQUIRED:
            bad(n, f"unknown event {event!r}")
            continue
        counts[event] = counts.get(event, 0) + 1
        if not is_int(rec.get("t_us")):
            bad(n, f'{event}: no integer "t_us"')
        for key, ok in REQUIRED[event].items():
            if key not in rec:
                bad(n, f'{event}: missing "{key}"')
            elif not ok(rec[key]):
                bad(n, f'{event}: bad "{key}": {rec[key]!r}')
        for key, ok in OPTIONAL.get(event, {}).items():
            if key in rec and not ok(rec[key]):
                bad(n, f'{event}: bad "{key}": {rec[key]!r}')
        if event == "trace_start":
            if rec.get("trace") != started:
                bad(n, f"trace_start: trace {rec.get('trace')!r}, expected the next id {started}")
            if rec.get("kind") == "bridge" and "parent" not in rec:
                bad(n, 'trace_start: a bridge without "parent"')
            started += 1
        elif event == "code" and not any(p.startswith(f"line {n}:") for p in problems):
            size = rec["size"]
            if len(rec["bytes"]) != 2 * size:
                bad(n, f"code: {len(rec['bytes']) // 2} bytes given for size {size}")
            at = 0
            for insn in rec["asm"]:
                if insn["offset"] != at:
                    bad(n, f"code: instruction at offset {insn['offset']}, expected {at}")
                    break
                at += len(insn["bytes"]) // 2
            else:
                if at != size:
                    bad(n, f"code: the disassembly covers {at} of {size} bytes")
            offsets = [o for _, o in rec.get("op_offsets", [])]
            if offsets != sorted(offsets) or any(o > size for o in offsets):
                bad(n, "code: op_offsets not ascending within the code")
        elif event == "end":
            ended = True
            if rec.get("traces") != started:
                bad(n, f"end: traces {rec.get('traces')!r}, but {started} were started")
        for key in ("trace", "bridge"):
            if event != "trace_start" and is_int(rec.get(key)) and rec[key] >= started:
                bad(n, f"{event}: {key} {rec[key]} was never started")
    if not ended and not allow_unfinished:
        problems.append('the log has no "end" record (the process did not close it)')
    return problems, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--allow-unfinished", action="store_true")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("log")
    a = ap.parse_args()
    with open(a.log, encoding="utf-8") as f:
        lines = f.read().splitlines()
    problems, counts = check(lines, a.allow_unfinished)
    for p in problems:
        print(f"{a.log}: {p}", file=sys.stderr)
    if a.summary:
        print(", ".join(f"{e} {n}" for e, n in sorted(counts.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
