import sys
print("to stdout 1")
print("to stderr 1", file=sys.stderr)
sys.stderr.write("raw stderr write\n")
sys.stdout.write("raw stdout write\n")
print("to stdout 2")
def fail():
    assert 1 + 1 == 3, "math is broken"
fail()
