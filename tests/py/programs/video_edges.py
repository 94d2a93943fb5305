# The video demo's filter (examples/video): Sobel edges, then a bilinear
# 2x magnifier, over synthetic frames; the Y4M reader and writer through
# an in-memory stream. Checksums are CPython's.
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "examples", "video"))

import edges
import y4m
from io import BytesIO

MERSENNE_61 = (1 << 61) - 1


def digest(data):
    return (int.from_bytes(bytes(data), "little") + len(data)) % MERSENNE_61


W, H = 40, 30
frames = list(edges.synthetic_frames(W, H, 4))
print("frames", len(frames), [len(f) for f in frames], [digest(f) for f in frames])
outputs = []
for n, frame in enumerate(frames):
    e = edges.sobel(frame, W, H)
    big = edges.magnify2x(e, W, H)
    assert big == edges.process(frame, W, H)
    outputs.append(big)
    print(n, "sobel", len(e), sum(e), max(e), digest(e))
    print(n, "magnified", len(big), sum(big), digest(big))
    print(n, "row 9 edges", list(e[9 * W:10 * W]))

# Known values: a vertical step from 0 to 100 gives |gx| = 400 -> 255 beside it.
step = bytes([0, 0, 100, 100]) * 3
print("step", list(edges.sobel(step, 4, 3)))
ramp = bytes([10 * x for x in range(5)]) * 4
print("ramp", list(edges.sobel(ramp, 5, 4)))
print("magnify 2x2", list(edges.magnify2x(bytes([0, 100, 200, 51]), 2, 2)))
print("magnify 3x1 rounding", list(edges.magnify2x(bytes([1, 2, 4]), 3, 1)))

# Y4M round trip through memory.
stream = BytesIO()
writer = y4m.Y4MWriter(stream, 2 * W, 2 * H, (25, 1))
for big in outputs:
    writer.write_frame(big)
writer.flush()
data = stream.getvalue()
print("y4m bytes", len(data), data[:data.index(b"\n") + 1])
reader = y4m.Y4MReader(BytesIO(data))
print("header", reader.width, reader.height, reader.rate, reader.colorspace)
back = list(reader)
print("round trip", len(back), back == [bytes(b) for b in outputs])

# A 4:2:0 stream: only the luma plane comes back.
luma = bytes(range(12))
chroma = bytes([128]) * 8
stream = BytesIO(b"YUV4MPEG2 W4 H3 F30000:1001 It A0:0 C420jpeg XYSCSS=420JPEG\n"
                 + b"FRAME\n" + luma + chroma + b"FRAME Ixyz\n" + luma[::-1] + chroma)
reader = y4m.Y4MReader(stream)
print("420", reader.width, reader.height, reader.rate, reader.colorspace, reader.chroma_size)
print([list(f) for f in reader])
raw = list(y4m.read_raw_frames(BytesIO(bytes(range(24))), 4, 3))
print("raw", [list(f) for f in raw])

for bad in (b"", b"P5 4 3\n", b"YUV4MPEG2 W4 H3 C420p10\n", b"YUV4MPEG2 H3\n",
            b"YUV4MPEG2 W4 H3 Cmono\nFRAM\n", b"YUV4MPEG2 W4 H3 Cmono\nFRAME\nabc"):
    try:
        r = y4m.Y4MReader(BytesIO(bad))
        print("frames", list(r))
    except y4m.Y4MError as e:
        print(type(e).__name__, e)
try:
    list(y4m.read_raw_frames(BytesIO(bytes(13)), 4, 3))
except y4m.Y4MError as e:
    print(type(e).__name__, e)
try:
    y4m.Y4MWriter(BytesIO(), 4, 3).write_frame(bytes(11))
except ValueError as e:
    print(type(e).__name__, e)

# The command line.
for argv in (["--synthetic", "--frames", "5"], ["--width=64", "--height", "48", "-o", "x.y4m"],
             ["--width", "64"], ["--frames", "0"], ["--width", "2", "--height", "2"], ["--bogus"],
             ["--frames"]):
    try:
        o = edges.parse_args(argv)
        print(argv, o.width, o.height, o.frames, o.synthetic, o.input, o.output, o.quiet)
    except SystemExit as e:
        print(argv, "SystemExit", str(e).splitlines()[0])
