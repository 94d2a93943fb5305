#!/usr/bin/python3.11
"""Frames per second of the video demo under Pyrite, CPython and PyPy.

usage: examples/video/measure.py [--pyrite PATH] [--rounds N] [--out FILE]

ffmpeg records the inputs once (testsrc, 4:2:0 Y4M: 150 frames at 320x240,
40 at 640x480) into a scratch directory; then every round runs edges.py
on each size under each interpreter in turn (A B C A B C ...):

    INTERPRETER examples/video/edges.py --quiet < INPUT.y4m > /dev/null

and reads its last stderr line (frames, seconds, fps, fps of the filter
alone). The table gives the median over the rounds, with the machine,
the load average before and after, and the commands. Pyrite runs as a
private copy of --pyrite (default build/pyrite) with -X jit=off.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIZES = [("320x240", 150), ("640x480", 40)]
LINE = re.compile(r"edges\.py: (\d+) frames (\d+)x(\d+) -> \S+ in ([\d.]+) s: ([\d.]+) fps "
                  r"\(filter alone ([\d.]+) fps\)")


def sh(argv):
    return subprocess.run(argv, capture_output=True, text=True).stdout.strip()


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pyrite", default=os.path.join(ROOT, "build", "pyrite"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", help="write the Markdown table here too")
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="video-measure-")
    pyrite = os.path.join(scratch, "pyrite")
    shutil.copy2(args.pyrite, pyrite)
    interpreters = [("Pyrite (-X jit=off)", [pyrite, "-X", "jit=off"]),
                    ("CPython 3.11", ["/usr/bin/python3.11"]),
                    ("PyPy 3.9", [shutil.which("pypy3") or "/usr/bin/pypy3"])]
    versions = {}
    for label, argv in interpreters:
        versions[label] = sh(argv + ["-c", "import sys; print(sys.version.replace(chr(10), ' '))"])

    inputs = {}
    for size, frames in SIZES:
        path = os.path.join(scratch, "testsrc-%s.y4m" % size)
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                        "testsrc=size=%s:rate=30" % size, "-frames:v", str(frames), "-pix_fmt", "yuv420p",
                        "-f", "yuv4mpegpipe", path], check=True)
        inputs[size] = path

    edges = os.path.join(HERE, "edges.py")
    load_before = loadavg()
    started = datetime.datetime.now(datetime.timezone.utc)
    samples = {}  # (size, label) -> [(fps, filter fps)]
    for rnd in range(1, args.rounds + 1):
        for size, _ in SIZES:
            for label, argv in interpreters:
                with open(inputs[size], "rb") as stdin:
                    proc = subprocess.run(argv + [edges, "--quiet"], stdin=stdin,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                match = LINE.search(proc.stderr)
                if proc.returncode != 0 or not match:
                    sys.exit("%s failed at %s (exit %d):\n%s" % (label, size, proc.returncode, proc.stderr))
                fps, alone = float(match.group(5)), float(match.group(6))
                samples.setdefault((size, label), []).append((fps, alone))
                print("round %d %s %-20s %7.2f fps (filter alone %7.2f)" % (rnd, size, label, fps, alone),
                      file=sys.stderr, flush=True)
    finished = datetime.datetime.now(datetime.timezone.utc)
    load_after = loadavg()

    commit = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    out = []
    out.append("# Video demo: frames per second (%s)\n" % started.strftime("%Y-%m-%d"))
    out.append("`examples/video/edges.py` (Sobel edges, then a bilinear 2x magnifier, pure Python "
               "over bytearrays; docs/bench.md, \"Video demo\") on ffmpeg's `testsrc`, "
               "%d rounds interleaved (each round runs every size under every interpreter in turn), "
               "median over the rounds. Higher is better (the ratios too: above 1, Pyrite is faster).\n" % args.rounds)
    out.append("| input | frames | Pyrite -X jit=off | CPython 3.11 | PyPy 3.9 "
               "| Pyrite fps / CPython fps | Pyrite fps / PyPy fps |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size, frames in SIZES:
        med = [statistics.median(s[0] for s in samples[(size, label)]) for label, _ in interpreters]
        out.append("| %s -> %s | %d | %.2f fps | %.2f fps | %.2f fps | %.2f | %.2f |"
                   % (size, "x".join(str(2 * int(v)) for v in size.split("x")), frames,
                      med[0], med[1], med[2], med[0] / med[1], med[0] / med[2]))
    out.append("")
    out.append("The same, the filter alone (time inside sobel() and magnify2x(), without reading and writing):\n")
    out.append("| input | Pyrite -X jit=off | CPython 3.11 | PyPy 3.9 |")
    out.append("| --- | ---: | ---: | ---: |")
    for size, _ in SIZES:
        med = [statistics.median(s[1] for s in samples[(size, label)]) for label, _ in interpreters]
        out.append("| %s | %.2f fps | %.2f fps | %.2f fps |" % (size, med[0], med[1], med[2]))
    out.append("")
    out.append("Every sample (fps, round 1..%d):\n" % args.rounds)
    for size, _ in SIZES:
        for label, _ in interpreters:
            out.append("- %s %s: %s" % (size, label, ", ".join("%.2f" % s[0] for s in samples[(size, label)])))
    out.append("")
    out.append("## Conditions\n")
    out.append("- Date: %s to %s UTC" % (started.strftime("%Y-%m-%d %H:%M:%S"), finished.strftime("%H:%M:%S")))
    out.append("- Machine: %s, %d CPUs, %s; shared with other agents' builds and tests" %
               (cpu_model(), os.cpu_count(), platform.platform()))
    out.append("- Load average (1, 5, 15 min): %s before, %s after" % (load_before, load_after))
    dirty = sh(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
    out.append("- Pyrite: a copy of `%s`, built from commit %s%s"
               % (args.pyrite, commit, " (the working tree had other uncommitted changes)" if dirty else ""))
    for label, _ in interpreters:
        out.append("- %s: %s" % (label, versions[label]))
    out.append("")
    out.append("## Commands\n")
    out.append("```sh")
    for size, frames in SIZES:
        out.append("ffmpeg -f lavfi -i testsrc=size=%s:rate=30 -frames:v %d -pix_fmt yuv420p "
                   "-f yuv4mpegpipe testsrc-%s.y4m" % (size, frames, size))
    out.append("# then, %d rounds of: for each size, for each interpreter:" % args.rounds)
    out.append("cp build/pyrite /tmp/pyrite-video")
    out.append("/tmp/pyrite-video -X jit=off examples/video/edges.py --quiet < testsrc-SIZE.y4m > /dev/null")
    out.append("/usr/bin/python3.11 examples/video/edges.py --quiet < testsrc-SIZE.y4m > /dev/null")
    out.append("/usr/bin/pypy3 examples/video/edges.py --quiet < testsrc-SIZE.y4m > /dev/null")
    out.append("```")
    out.append("")
    out.append("Made by `examples/video/measure.py`. The fps is frames over the time from the first "
               "frame's arrival to the last frame written; it includes reading the Y4M input and "
               "writing the output. PyPy's count includes its JIT's warm-up over the first frames.")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
