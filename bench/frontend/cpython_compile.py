"""CPython side of the front-end benchmark: compile() every file named on
stdin in one process; prints the best time of N rounds (seconds), the file
count, the byte count and the number of files that failed to compile."""
import sys
import time
import warnings

warnings.simplefilter("ignore")

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
files = []
for line in sys.stdin:
    path = line.rstrip("\n")
    with open(path, "rb") as f:
        files.append((path, f.read()))
best = float("inf")
for _ in range(rounds):
    failures = 0
    start = time.perf_counter()
    for path, source in files:
        try:
            compile(source, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            failures += 1
    best = min(best, time.perf_counter() - start)
print("%.6f %d %d %d" % (best, len(files), sum(len(s) for _, s in files), failures))
