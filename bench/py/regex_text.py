"""Regular expressions: parse n synthetic web-server log lines with the re
module -- a verbose pattern with named groups per line, findall over the
request paths, sub with a function that masks addresses, split on
separators, case-insensitive search and a backreference (docs/bench.md).

The engine is the interpreter's `_sre` under the stdlib's own `re`
compiler. Every count is also computed by plain string code and must
agree, and the digest of the rewritten log must be CPython's at the
preset sizes.
"""
import re

from _driver import WrongResult, expect, fingerprint, main

SIZES = {"small": 300, "quick": 4000, "full": 20000}

# (lines, status-500 count, bytes sent, masked digest), recorded from CPython 3.11.
EXPECTED = {
    300: (34, 5816935, 8367, 1925749072395169578),
    4000: (409, 79696039, 112110, 2283970015405289072),
    20000: (1976, 401270429, 560386, 1424457580248938496),
}

METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD"]
PATHS = ["/", "/index.html", "/api/v1/users", "/api/v1/items/42", "/static/app.js",
         "/search", "/login", "/cart/checkout", "/docs/re.html", "/img/logo.png"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/7.88.1", "Python-urllib/3.11",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/120.0", "Wget/1.21.3"]
STATUSES = [200, 200, 200, 200, 301, 304, 404, 404, 500, 503]

LINE = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3}) \s+ - \s+ (?P<user>[\w-]+) \s+
    \[(?P<day>\d{2})/(?P<month>[A-Z][a-z]{2})/(?P<year>\d{4}):(?P<time>\d{2}:\d{2}:\d{2})\s[+-]\d{4}\] \s+
    "(?P<method>[A-Z]+) \s (?P<path>[^\s"]+) \s HTTP/(?P<version>\d\.\d)" \s+
    (?P<status>\d{3}) \s+ (?P<size>\d+|-) \s+ "(?P<agent>[^"]*)"
""", re.VERBOSE)
IP = re.compile(r"\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b")
SEGMENT = re.compile(r"/([a-z0-9]+)")
SPLIT = re.compile(r"[/.:\s\[\]\"]+")
BOT = re.compile(r"curl|wget|python-urllib", re.IGNORECASE)
DOUBLED = re.compile(r"\b(\w+)\s+\1\b")


def make_log(n):
    seed = 12345
    lines = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        a, b, c = seed % 256, (seed >> 8) % 256, (seed >> 16) % 256
        method = METHODS[seed % 5]
        path = PATHS[(seed >> 3) % 10]
        status = STATUSES[(seed >> 5) % 10]
        size = "-" if status in (304, 500) else str(seed % 50000)
        agent = AGENTS[(seed >> 7) % 5]
        user = "-" if i % 3 else "user%d" % (i % 17)
        note = " note note" if i % 50 == 0 else ""
        lines.append('10.%d.%d.%d - %s [%02d/Mar/2024:%02d:%02d:%02d +0100] "%s %s HTTP/1.1" %d %s "%s"%s'
                     % (a, b, c, user, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, method, path, status,
                        size, agent, note))
    return lines


def run(n):
    lines = make_log(n)
    statuses = {}
    sent = 0
    segments = {}
    bots = 0
    doubled = 0
    pieces = 0
    for line in lines:
        m = LINE.match(line)
        if m is None:
            raise WrongResult("no match: %r" % line)
        status = m.group("status")
        statuses[status] = statuses.get(status, 0) + 1
        size = m.group("size")
        if size != "-":
            sent += int(size)
        for seg in SEGMENT.findall(m.group("path")):
            segments[seg] = segments.get(seg, 0) + 1
        if BOT.search(m.group("agent")):
            bots += 1
        if DOUBLED.search(line):
            doubled += 1
        pieces += len(SPLIT.split(line))
    masked = IP.sub(lambda m: "%s.%s.x.x" % (m.group(1), m.group(2)), "\n".join(lines))
    return len(lines), statuses, sent, segments, bots, doubled, pieces, masked


def plain(lines):
    """The same counts without re."""
    statuses = {}
    sent = 0
    bots = 0
    for line in lines:
        request_end = line.index('" ', line.index('"') + 1)
        fields = line[request_end + 2:].split(" ", 2)
        statuses[fields[0]] = statuses.get(fields[0], 0) + 1
        if fields[1] != "-":
            sent += int(fields[1])
        agent = fields[2][1:line.rindex('"') - request_end - 2 - len(fields[0]) - len(fields[1]) - 2]
        low = agent.lower()
        if "curl" in low or "wget" in low or "python-urllib" in low:
            bots += 1
    return statuses, sent, bots


def check(n, result):
    count, statuses, sent, segments, bots, doubled, pieces, masked = result
    expect("lines", count, n)
    lines = make_log(n)
    p_statuses, p_sent, p_bots = plain(lines)
    expect("statuses", statuses, p_statuses)
    expect("bytes sent", sent, p_sent)
    expect("bots", bots, p_bots)
    expect("doubled words", doubled, (n + 49) // 50)
    expect("api segments", segments.get("api", 0), segments.get("v1", 0))
    expect("masked lines", masked.count(".x.x "), n)
    if n in EXPECTED:
        expect("log at size %d" % n, (statuses.get("500", 0), sent, pieces, fingerprint(masked)), EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
