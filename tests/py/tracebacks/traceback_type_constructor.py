# types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno): CPython 3.11's
# argument checks (a frame, C ints).
import types, sys
f = sys._getframe()
def get_tb():
    try:
        raise OSError()
    except OSError as e:
        return e.__traceback__
other = get_tb()
tb = types.TracebackType(other, f, 1, 2)
print(tb.tb_next is other, tb.tb_frame is f, tb.tb_lasti, tb.tb_lineno)
print(types.TracebackType(None, f, True, 2**31 - 1).tb_lineno)
for a in [('no', f, 1, 2), (None, 'no', 1, 2), (None, f, 'no', 2), (None, f, 1, 'nuh'), (None, f, 1.5, 2),
          (None, f, 2**70, 2), (None, f, 2**31, 2), (None, f, -2**31 - 1, 2), (None, f, 1)]:
    try:
        types.TracebackType(*a)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
