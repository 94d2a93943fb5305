def run(excs):
    try:
        if excs:
            raise ExceptionGroup("g", excs)
    except* ValueError as eg:
        print("  values", [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("  keys", [repr(e) for e in eg.exceptions])
    else:
        print("  else")
    finally:
        print("  finally")
for excs in [[], [ValueError("v")], [KeyError("k"), ValueError("w")]]:
    print("run", len(excs))
    run(excs)
try:
    run([TypeError("t")])
except ExceptionGroup as eg:
    print("escaped", repr(eg))
def nested():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("inner handled ValueError")
    except* TypeError as eg:
        print("outer handled", repr(eg))
nested()
