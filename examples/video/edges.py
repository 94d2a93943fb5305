"""Real-time video processing in pure Python: Sobel edges, magnified 2x.

    ffmpeg -f lavfi -i testsrc=size=320x240:rate=30 -frames:v 90 -f yuv4mpegpipe - \
        | pyrite edges.py > out.y4m
    pyrite edges.py --synthetic --frames 60 -o out.y4m      # no ffmpeg needed
    ffplay out.y4m

Each frame's luma (gray) plane goes through a Sobel edge detector, then a
2x magnifier (bilinear, see magnify2x), so a W x H input becomes a
2W x 2H picture of its edges. Input: a Y4M stream (any 8-bit colour space;
only the luma is used), or raw 8-bit gray frames (`ffmpeg -pix_fmt gray
-f rawvideo`) when --width and --height are given, or frames drawn here
(--synthetic). Output: a gray (Cmono) Y4M stream on stdout or to -o FILE.
Frames per second go to stderr.

Everything is plain Python over bytes and bytearray: no NumPy, no C
extension. The same file runs on Pyrite, CPython 3.11 and PyPy (Python
3.9), which is how bench/results/*-video.md compares them.
"""
import sys
import os
from time import perf_counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from y4m import Y4MError, Y4MReader, Y4MWriter, read_raw_frames  # noqa: E402

USAGE = """\
usage: edges.py [--synthetic] [--width W --height H] [--frames N]
                [-i INPUT] [-o OUTPUT] [--quiet]

  (no option)          read a Y4M stream on stdin (e.g. ffmpeg -f yuv4mpegpipe -)
  --width W --height H the input is raw 8-bit gray frames of W x H instead
                       (ffmpeg -pix_fmt gray -f rawvideo -); with --synthetic,
                       the size of the drawn frames (default 320x240)
  --synthetic          no input: draw moving test frames in Python
  --frames N           stop after N frames (--synthetic: default 90)
  -i, --input FILE     read FILE instead of stdin
  -o, --output FILE    write the Y4M stream to FILE instead of stdout
  --quiet              print only the final frames-per-second line
"""

# |gx| + |gy| is at most 2 * 4 * 255; the table clamps it to a byte.
CLAMP = bytes([min(v, 255) for v in range(2 * 4 * 255 + 1)])


def sobel(src, width, height):
    """The Sobel gradient magnitude |gx| + |gy| of a gray picture (bytes of
    width * height), clamped to 255, as a new bytearray; the border pixels
    are 0.

    The 3x3 kernels are separable: gx is the difference of the column sums
    s = above + 2 * middle + below two columns apart, and gy is the
    [1, 2, 1]-weighted sum of the column differences d = below - above.
    So each row walks the three input rows once, keeping the last three
    columns' s and d in local variables."""
    out = bytearray(width * height)
    clamp = CLAMP
    w = width
    for o in range(w, (height - 1) * w, w):
        above = src[o - w:o]
        middle = src[o:o + w]
        below = src[o + w:o + w + w]
        row = bytearray(w)
        a = above[0]
        c = below[0]
        s0 = a + 2 * middle[0] + c
        d0 = c - a
        a = above[1]
        c = below[1]
        s1 = a + 2 * middle[1] + c
        d1 = c - a
        for x in range(2, w):
            a = above[x]
            c = below[x]
            s2 = a + 2 * middle[x] + c
            d2 = c - a
            gx = s2 - s0
            gy = d0 + d1 + d1 + d2
            if gx < 0:
                gx = -gx
            if gy < 0:
                gy = -gy
            row[x - 1] = clamp[gx + gy]
            s0 = s1
            s1 = s2
            d0 = d1
            d1 = d2
        out[o + 1:o + w - 1] = row[1:w - 1]
    return out


def magnify2x(src, width, height):
    """The picture (bytes of width * height) scaled 2x in each direction,
    bilinearly, as a new bytearray of 2 * width x 2 * height.

    Output pixel (2y, 2x) is input pixel (y, x); the pixels between two
    input pixels are their rounded mean, horizontally first (even rows),
    then vertically between two even rows (odd rows); the last column and
    row repeat their neighbour. This is bilinear interpolation with the
    input samples on the even output positions."""
    w2 = 2 * width
    out = bytearray(w2 * 2 * height)
    previous = None
    for y in range(height):
        o = y * width
        line = src[o:o + width]
        row = bytearray(w2)
        row[0::2] = line
        left = line[0]
        for x in range(1, width):
            right = line[x]
            row[2 * x - 1] = (left + right + 1) >> 1
            left = right
        row[w2 - 1] = left
        q = 2 * y * w2
        out[q:q + w2] = row
        if previous is not None:
            between = bytearray(w2)
            for x in range(w2):
                between[x] = (previous[x] + row[x] + 1) >> 1
            out[q - w2:q] = between
        previous = row
    q = (2 * height - 1) * w2
    out[q:q + w2] = previous
    return out


def process(frame, width, height):
    """One frame's output: its edges, magnified."""
    return magnify2x(sobel(frame, width, height), width, height)


def _bounce(position, span):
    """A triangle wave: position folded back and forth into [0, span]."""
    if span <= 0:
        return 0
    position %= 2 * span
    return position if position <= span else 2 * span - position


def synthetic_frames(width, height, count):
    """count moving test frames (bytes of width * height): a checkerboard
    of 32-pixel squares scrolling left under a bright disk that bounces
    around the picture. Integer arithmetic only, so every interpreter
    draws the same pixels."""
    square = 32
    light = bytes([150]) * square
    dark = bytes([60]) * square
    repeats = width // (2 * square) + 2
    stripes = ((light + dark) * repeats, (dark + light) * repeats)
    radius = max(1, min(width, height) // 5)
    disk = bytes([235]) * (2 * radius + 1)
    half_widths = []
    for dy in range(-radius, radius + 1):
        r2 = radius * radius - dy * dy
        half = 0
        while (half + 1) * (half + 1) <= r2:
            half += 1
        half_widths.append(half)
    for t in range(count):
        frame = bytearray(width * height)
        shift = (2 * t) % (2 * square)
        rows = (stripes[0][shift:shift + width], stripes[1][shift:shift + width])
        for y in range(height):
            frame[y * width:(y + 1) * width] = rows[(y // square) % 2]
        cx = radius + _bounce(5 * t, width - 1 - 2 * radius)
        cy = radius + _bounce(3 * t, height - 1 - 2 * radius)
        for dy in range(-radius, radius + 1):
            y = cy + dy
            if 0 <= y < height:
                half = half_widths[dy + radius]
                lo = max(0, cx - half)
                hi = min(width, cx + half + 1)
                if lo < hi:
                    frame[y * width + lo:y * width + hi] = disk[:hi - lo]
        yield bytes(frame)


class Options:
    def __init__(self):
        self.width = None
        self.height = None
        self.frames = None
        self.synthetic = False
        self.input = None
        self.output = None
        self.quiet = False


def parse_args(argv):
    """The command line (argv without the program name) as an Options."""
    opts = Options()
    valued = {"--width": "width", "--height": "height", "--frames": "frames",
              "-i": "input", "--input": "input", "-o": "output", "--output": "output"}
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        name, eq, value = arg.partition("=")
        if arg in ("-h", "--help"):
            sys.stdout.write(USAGE)
            raise SystemExit(0)
        if arg == "--synthetic":
            opts.synthetic = True
        elif arg == "--quiet":
            opts.quiet = True
        elif name in valued:
            if not eq:
                if i == len(argv):
                    raise SystemExit("edges.py: %s needs a value\n%s" % (arg, USAGE))
                value = argv[i]
                i += 1
            key = valued[name]
            if key in ("width", "height", "frames"):
                try:
                    number = int(value)
                except ValueError:
                    number = 0
                if number <= 0 or (key != "frames" and number < 3):
                    raise SystemExit("edges.py: %s wants a whole number%s, not %r"
                                     % (name, " of at least 3" if key != "frames" else " above 0", value))
                setattr(opts, key, number)
            else:
                setattr(opts, key, value)
        else:
            raise SystemExit("edges.py: unknown argument %r\n%s" % (arg, USAGE))
    if (opts.width is None) != (opts.height is None):
        raise SystemExit("edges.py: give both --width and --height, or neither")
    return opts


def main(argv):
    opts = parse_args(argv)
    if opts.output in (None, "-"):
        output = sys.stdout.buffer
        if output.isatty():
            raise SystemExit("edges.py: the output is a Y4M video: redirect stdout (> out.y4m, | ffplay -) "
                             "or use -o FILE")
    else:
        output = open(opts.output, "wb")
    if opts.synthetic:
        width = opts.width or 320
        height = opts.height or 240
        rate = (30, 1)
        frames = synthetic_frames(width, height, opts.frames or 90)
    else:
        source = open(opts.input, "rb") if opts.input not in (None, "-") else sys.stdin.buffer
        if opts.width is not None:
            width, height, rate = opts.width, opts.height, (30, 1)
            frames = read_raw_frames(source, width, height)
        else:
            reader = Y4MReader(source)
            width, height, rate = reader.width, reader.height, reader.rate
            frames = iter(reader)
        if width < 3 or height < 3:
            raise SystemExit("edges.py: frames of %dx%d are too small for a 3x3 filter" % (width, height))
    writer = Y4MWriter(output, 2 * width, 2 * height, rate)
    limit = opts.frames
    count = 0
    filtering = 0.0
    start = last_report = None
    for frame in frames:
        now = perf_counter()
        if start is None:
            start = last_report = now  # the clock starts when the first frame is in
        edges = magnify2x(sobel(frame, width, height), width, height)
        done = perf_counter()
        filtering += done - now
        writer.write_frame(edges)
        count += 1
        if not opts.quiet and done - last_report >= 2.0:
            sys.stderr.write("frame %d: %.1f fps\n" % (count, count / (done - start)))
            sys.stderr.flush()
            last_report = done
        if limit is not None and count >= limit:
            break
    writer.flush()
    if output is not sys.stdout.buffer:
        output.close()
    if count == 0:
        sys.stderr.write("edges.py: no frames\n")
        return 1
    elapsed = perf_counter() - start
    sys.stderr.write("edges.py: %d frames %dx%d -> %dx%d in %.2f s: %.2f fps (filter alone %.2f fps)\n"
                     % (count, width, height, 2 * width, 2 * height, elapsed, count / elapsed,
                        count / filtering))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Y4MError as e:
        sys.stderr.write("edges.py: %s\n" % e)
        sys.exit(1)
    except BrokenPipeError:
        # The reader of the output (ffplay, head) went away: stop quietly,
        # with stdout pointing nowhere so that the final flush cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
