try:
    try:
        raise ValueError("with notes")
    except ValueError as e:
        e.add_note("first note")
        e.add_note("second note")
        raise
except ValueError as e:
    print(e, e.__notes__)
e = KeyError("k")
print(hasattr(e, "__notes__"))
try:
    e.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
e.__notes__ = ["preset"]
e.add_note("added")
print(e.__notes__)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)
