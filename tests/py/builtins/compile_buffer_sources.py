# compile/exec/eval take any buffer as source (memoryview, array), a NUL is
# the ValueError, other objects the TypeError naming what is accepted.
import array

for f in (
    lambda: compile(memoryview(b"x = 1"), "name", "exec").co_filename,
    lambda: eval(memoryview(b"1+1")),
    lambda: exec(array.array("b", b"print('from an array')")),
    lambda: eval(bytearray(b"2*3")),
    lambda: compile(5, "n", "exec"),
    lambda: eval(5),
    lambda: exec([]),
    lambda: compile("x\0", "f", "exec"),
    lambda: eval(b"\0"),
):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


# dict == dict goes on when a comparison empties one of them.
class Y:
    def __eq__(self, other):
        dict_d.clear()
        return True


dict_c = {0: Y()}
dict_d = {0: set()}
print(dict_c == dict_d, dict_d)
