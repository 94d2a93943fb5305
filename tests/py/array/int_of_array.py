# int() of any object with the buffer protocol, array.array included
# (test_int's test_non_numeric_input_types).
from array import array

for x in [array("B", b"100"), array("b", b" -42 "), array("B", b"1_000"), memoryview(array("B", b"7"))]:
    print(type(x).__name__, int(x))
for x in [array("B", b"1x"), array("B", b""), array("B", b"\xff")]:
    try:
        int(x)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(array("B", b"100"), 2)
except TypeError as e:
    print(type(e).__name__, e)
for x in [object(), [1], None]:
    try:
        int(x)
    except TypeError as e:
        print(type(e).__name__, e)
# A wider item type: the bytes of the buffer, not the items.
print(int(array("H", [0x3231, 0x3433])))
