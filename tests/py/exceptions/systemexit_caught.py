import sys
for arg in [None, 0, 1, 42, "message", (1, 2)]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e), repr(e.code), e.args)
try:
    raise SystemExit(3)
except Exception:
    print("Exception does not catch SystemExit")
except BaseException as e:
    print("BaseException catches", type(e).__name__)
def cleanup():
    try:
        sys.exit(5)
    finally:
        print("finally runs on sys.exit")
try:
    cleanup()
except SystemExit as e:
    print("code", e.code)
try:
    exit_ = SystemExit
    raise exit_
except SystemExit as e:
    print(repr(e.code))
