#!/bin/sh
# The video demo end to end: ffmpeg draws a test video, edges.py (pure
# Python) finds its edges and magnifies them 2x, the result is out.y4m,
# and one of its frames becomes out.png.
#
#   examples/video/run.sh                          # Pyrite, testsrc, 320x240, 90 frames
#   SOURCE=mandelbrot SIZE=640x480 examples/video/run.sh
#   PYTHON=/usr/bin/python3.11 examples/video/run.sh   # or PYTHON=pypy3
#   ffplay out.y4m                                 # watch it
#
# Settings (environment): PYTHON (default: this checkout's build/pyrite -X jit=off),
# SOURCE (an ffmpeg lavfi source: testsrc, mandelbrot, smptebars, ...), SIZE (WxH),
# FRAMES, OUT (the .y4m written), PNG (the picture), PNG_FRAME (which output frame).
# Without ffmpeg, edges.py draws its own frames (--synthetic) and no PNG is made.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PYTHON=${PYTHON:-"$root/build/pyrite -X jit=off"}
SOURCE=${SOURCE:-testsrc}
SIZE=${SIZE:-320x240}
FRAMES=${FRAMES:-90}
OUT=${OUT:-out.y4m}
PNG=${PNG:-out.png}
PNG_FRAME=${PNG_FRAME:-0}

if command -v ffmpeg >/dev/null 2>&1; then
    echo "ffmpeg $SOURCE $SIZE, $FRAMES frames | $PYTHON edges.py > $OUT" >&2
    ffmpeg -hide_banner -loglevel error -f lavfi -i "$SOURCE=size=$SIZE:rate=30" \
        -frames:v "$FRAMES" -pix_fmt yuv420p -f yuv4mpegpipe - \
        | $PYTHON "$here/edges.py" -o "$OUT"
    ffmpeg -hide_banner -loglevel error -y -i "$OUT" \
        -vf "select=eq(n\\,$PNG_FRAME)" -frames:v 1 \
        -compression_level 100 -pred mixed "$PNG"
    echo "wrote $OUT and $PNG (output frame $PNG_FRAME); watch it with: ffplay $OUT" >&2
else
    width=${SIZE%x*}
    height=${SIZE#*x}
    echo "no ffmpeg: edges.py --synthetic, ${width}x$height, $FRAMES frames > $OUT" >&2
    $PYTHON "$here/edges.py" --synthetic --width "$width" --height "$height" \
        --frames "$FRAMES" -o "$OUT"
    echo "wrote $OUT (no ffmpeg, so no PNG)" >&2
fi
