# Writing to a pipe whose read end is closed raises BrokenPipeError: the
# interpreter ignores SIGPIPE at startup, as CPython does, instead of
# being killed by it.
import os

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"x")
except BrokenPipeError as e:
    print("os.write:", type(e).__name__, e.errno, e)
f = open(w, "wb", buffering=0)
try:
    f.write(b"abc")
except BrokenPipeError as e:
    print("raw write:", type(e).__name__, e.errno, e)
f.close()

r, w = os.pipe()
os.close(r)
f = open(w, "wb")
f.write(b"buffered")
try:
    f.flush()
except BrokenPipeError as e:
    print("flush:", type(e).__name__, e.errno, e)
try:
    f.close()
except BrokenPipeError as e:
    print("close:", type(e).__name__, e.errno)
print("done")
