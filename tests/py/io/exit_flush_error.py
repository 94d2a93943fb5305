# A sys.stdout that cannot be flushed at exit (its pipe's reader is gone) is
# reported as "Exception ignored in" on stderr and the exit status is 120,
# as CPython's flush_std_files; a closed sys.stdout is skipped.
import io
import os
import sys

def child(body):
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        body()
        sys.exit(0)
    _, status = os.waitpid(pid, 0)
    print("child exit status", os.waitstatus_to_exitcode(status))
    sys.stdout.flush()

def broken_stdout():
    r, w = os.pipe()
    os.close(r)
    os.dup2(w, 1)  # a fixed descriptor: the repr names it
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding="utf-8")
    print("never seen")

def closed_stdout():
    r, w = os.pipe()
    os.close(r)
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(w, "w")), encoding="utf-8")
    sys.stdout.close()

child(broken_stdout)
child(closed_stdout)
print("done")
