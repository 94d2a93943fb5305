"""String building: an inventory report written five ways -- `+=` onto
strings, str.join over a list, %-formatting, str.format, f-strings -- plus
the str methods a report needs (ljust/rjust/center, upper, replace, split,
strip, count) (docs/bench.md).

Every way must produce the same text; its digest is checked against
CPython's at the preset sizes.
"""
from _driver import WrongResult, expect, fingerprint, main

SIZES = {"small": 1000, "quick": 10000, "full": 50000}

# (length, digest) of the report, recorded from CPython 3.11.
EXPECTED = {
    1000: (36430, 1420565667967580129),
    10000: (362759, 2072147950683102406),
    50000: (1813025, 824321616638094558),
}

NAMES = ["bolt", "nut", "washer", "gear", "spring", "axle", "bearing", "pulley", "clamp", "valve"]


def items(n):
    for i in range(n):
        name = NAMES[i % len(NAMES)] + "-" + str(i * 7 % 1000)
        yield i, name, (i * 37) % 500, (i * 7919 % 100000) / 100.0


def by_concatenation(n):
    """`+=` onto a string, in pages of 50 lines: appending to one string
    is quadratic where the interpreter cannot grow it in place (PyPy; all
    but CPython), and the pattern, not that pathology, is measured here."""
    pages = []
    page = ""
    for i, name, qty, price in items(n):
        page += str(i).rjust(6) + " " + name.ljust(14) + str(qty).rjust(5) + " "
        page += str(round(qty * price, 2)) + "\n"
        if i % 50 == 49:
            pages.append(page)
            page = ""
    pages.append(page)
    return "".join(pages)


def by_join(n):
    return "".join([" ".join([str(i).rjust(6), name.ljust(14) + str(qty).rjust(5), str(round(qty * price, 2))]) + "\n"
                    for i, name, qty, price in items(n)])


def by_percent(n):
    lines = []
    for i, name, qty, price in items(n):
        lines.append("%6d %-14s%5d %s\n" % (i, name, qty, round(qty * price, 2)))
    return "".join(lines)


def by_format(n):
    lines = []
    template = "{0:>6} {1:<14}{2:>5} {3}\n"
    for i, name, qty, price in items(n):
        lines.append(template.format(i, name, qty, round(qty * price, 2)))
    return "".join(lines)


def by_fstring(n):
    return "".join([f"{i:>6} {name:<14}{qty:>5} {round(qty * price, 2)}\n" for i, name, qty, price in items(n)])


def summarise(report):
    """Reads the report back with str methods."""
    total_qty = 0
    counts = {}
    for line in report.split("\n"):
        if not line.strip():
            continue
        fields = line.split()
        total_qty += int(fields[2])
        kind = fields[1].split("-")[0]
        counts[kind] = counts.get(kind, 0) + 1
    header = " INVENTORY ".center(40, "=")
    body = "\n".join(("%s: %d" % (k.upper(), counts[k])).replace("_", " ") for k in sorted(counts))
    return header + "\n" + body + "\nTOTAL " + str(total_qty) + " in " + str(report.count("\n")) + " lines\n"


def run(n):
    reports = [by_concatenation(n), by_join(n), by_percent(n), by_format(n), by_fstring(n)]
    return reports, summarise(reports[0])


def check(n, result):
    reports, summary = result
    for k, r in enumerate(reports[1:], 2):
        if r != reports[0]:
            raise WrongResult("way %d built a different report" % k)
    expect("lines", reports[0].count("\n"), n)
    if not summary.endswith(" in %d lines\n" % n):
        raise WrongResult("the summary reads %r" % summary[-40:])
    if n in EXPECTED:
        expect("report at size %d" % n, (len(reports[0] + summary), fingerprint(reports[0] + summary)),
               EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
