# Buffered output reaches the files before the traceback of an uncaught
# exception, and what was written without a newline still comes out.
import sys
print("line one")
print("pending", end="")
sys.stderr.write("stderr before\n")
sys.stdout.buffer.write(b"")
raise RuntimeError("boom")
