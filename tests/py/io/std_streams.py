# sys.stdin/stdout/stderr are TextIOWrapper objects over buffered FileIO(0/1/2);
# text and buffer writes interleave as in CPython once flushed.
import io
import sys

print(repr(sys.stdout), repr(sys.stderr), repr(sys.stdin))
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode)
# (stdout's and stdin's error handler depends on the locale and PYTHONIOENCODING)
print(sys.stdout.encoding, sys.stderr.errors)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable(), sys.stdin.writable())
print(type(sys.stdout).__name__, type(sys.stdin.buffer).__name__, type(sys.stdin.buffer.raw).__name__)
print(isinstance(sys.stdout, io.TextIOBase), sys.stdout.buffer.name, sys.stdout.write_through in (True, False))
print("before", flush=True)
sys.stdout.buffer.write(b"bytes line\n")
sys.stdout.buffer.flush()
print("after")
sys.stdout.flush()
sys.stdout.write("written\n")
print(sys.stdout.write("\xe9\u20ac\n"))
sys.stderr.write("to stderr\n")
print("err2", file=sys.stderr)
print("surrogate \udcff on stderr", file=sys.stderr)
print(sys.stdout.writelines(["a\n", "b\n"]))
old = sys.stdout
sys.stdout = io.StringIO()
print("captured", 1, 2)
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
sys.stdout = None
print("dropped")
sys.stdout = old
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    sys.stdin.write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
print("no newline at the end", end="")
