def step():
    try:
        raise KeyError("first")
    finally:
        print("cleanup")
try:
    step()
except KeyError as e:
    e.add_note("while running step()")
    e.add_note("second note line")
    raise
