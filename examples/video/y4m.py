"""Reading and writing YUV4MPEG2 (Y4M) streams, the format of
`ffmpeg -f yuv4mpegpipe` and of `ffplay`'s input.

A stream is one header line, then frames:

    YUV4MPEG2 W320 H240 F30:1 Ip A1:1 C420jpeg\n
    FRAME\n <the Y plane, then the chroma planes, 8 bits a sample>
    FRAME\n ...

The video demo works on gray pictures, so Y4MReader returns only the
luma (Y) plane of each frame and Y4MWriter writes `Cmono` streams (luma
only; ffmpeg and ffplay read them). Only 8-bit colour spaces are read.
Runs on Python 3.9 and later (PyPy) and on Pyrite.
"""

MAGIC = b"YUV4MPEG2"


class Y4MError(Exception):
    """The input is not a Y4M stream this module can read."""


def _chroma_size(colorspace, width, height):
    """Bytes of the two chroma planes of one frame in this colour space."""
    half_w = (width + 1) // 2
    half_h = (height + 1) // 2
    if colorspace == "mono":
        return 0
    if colorspace.startswith("420"):
        if colorspace not in ("420", "420jpeg", "420mpeg2", "420paldv"):
            raise Y4MError("unsupported colour space C%s (only 8-bit samples)" % colorspace)
        return 2 * half_w * half_h
    if colorspace == "422":
        return 2 * half_w * height
    if colorspace == "444":
        return 2 * width * height
    raise Y4MError("unsupported colour space C%s" % colorspace)


class Y4MReader:
    """Frames of a Y4M stream read from a binary file object.

    width, height, rate (numerator, denominator) and colorspace come from
    the header; read_frame() returns the next frame's luma plane (bytes of
    width * height) or None at the end of the stream."""

    def __init__(self, stream):
        self.stream = stream
        header = stream.readline(4096)
        if not header:
            raise Y4MError("empty input: no Y4M header")
        if not header.startswith(MAGIC + b" ") or not header.endswith(b"\n"):
            raise Y4MError("not a Y4M stream (the header must start with %r)" % (MAGIC + b" "))
        self.width = self.height = 0
        self.rate = (30, 1)
        self.colorspace = "420jpeg"
        for token in header[len(MAGIC):].split():
            key, value = chr(token[0]), token[1:].decode("ascii")
            if key == "W":
                self.width = int(value)
            elif key == "H":
                self.height = int(value)
            elif key == "F":
                num, _, den = value.partition(":")
                self.rate = (int(num), int(den or 1))
            elif key == "C":
                self.colorspace = value
        if self.width <= 0 or self.height <= 0:
            raise Y4MError("the Y4M header gives no picture size: %r" % header)
        self.luma_size = self.width * self.height
        self.chroma_size = _chroma_size(self.colorspace, self.width, self.height)

    def read_frame(self):
        stream = self.stream
        line = stream.readline(4096)
        if not line:
            return None
        if not line.startswith(b"FRAME"):
            raise Y4MError("expected a FRAME header, got %r" % line[:40])
        luma = stream.read(self.luma_size)
        if len(luma) < self.luma_size or len(stream.read(self.chroma_size)) < self.chroma_size:
            raise Y4MError("the stream ends in the middle of a frame")
        return luma

    def __iter__(self):
        while True:
            frame = self.read_frame()
            if frame is None:
                return
            yield frame


class Y4MWriter:
    """Writes gray frames (bytes-like, width * height) as a Cmono Y4M stream."""

    def __init__(self, stream, width, height, rate=(30, 1)):
        self.stream = stream
        self.size = width * height
        stream.write(b"%s W%d H%d F%d:%d Ip A1:1 Cmono\n" % (MAGIC, width, height, rate[0], rate[1]))

    def write_frame(self, frame):
        if len(frame) != self.size:
            raise ValueError("frame of %d bytes, the stream's frames have %d" % (len(frame), self.size))
        self.stream.write(b"FRAME\n")
        self.stream.write(frame)

    def flush(self):
        self.stream.flush()


def read_raw_frames(stream, width, height):
    """Frames of raw 8-bit gray video (`ffmpeg -pix_fmt gray -f rawvideo`)."""
    size = width * height
    while True:
        frame = stream.read(size)
        if not frame:
            return
        if len(frame) < size:
            raise Y4MError("the raw stream ends in the middle of a frame")
        yield frame
