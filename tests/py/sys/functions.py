# sys functions: call_tracing, settrace/setprofile bookkeeping, getsizeof,
# the int string-conversion limit, the recursion limit, exc_info/exception,
# intern, switch interval, coroutine origin tracking depth.
import sys
import atexit

print(sys.call_tracing(max, (1, 5, 3)))
print(sys.call_tracing(lambda *a: a, ()))
for bad in ((max,), (max, [1, 2]), (max, (), 3)):
    try:
        sys.call_tracing(*bad)
    except TypeError as e:
        print('TypeError', e)

def tracer(frame, event, arg):
    return tracer
print(sys.gettrace(), sys.getprofile())
sys.settrace(None)
sys.setprofile(None)
print(sys.gettrace(), sys.getprofile())
try:
    sys.settrace()
except TypeError as e:
    print('TypeError', e)

print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**100))
print(sys.getsizeof(1.5), sys.getsizeof([]), sys.getsizeof(object()), sys.getsizeof(True))
class Sized:
    def __sizeof__(self):
        return 100
class Bad:
    def __sizeof__(self):
        raise TypeError('no size')
class Negative:
    def __sizeof__(self):
        return -1
class NotInt:
    def __sizeof__(self):
        return 'x'
print(sys.getsizeof(Sized()), sys.getsizeof(Bad(), 7), sys.getsizeof(Bad(), default=8))
for obj in (Bad(), Negative(), NotInt()):
    try:
        sys.getsizeof(obj)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    sys.getsizeof()
except TypeError as e:
    print('TypeError', e)

print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
try:
    str(10 ** 1200)
except ValueError as e:
    print('ValueError', e)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(10 ** 5000)))
for bad in (5, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print('ValueError', e)
sys.set_int_max_str_digits(4300)

old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
for bad in (0, -5, 'x', 2**40):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(old)

print(sys.exc_info(), sys.exception())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), type(tb).__name__, sys.exception() is v)
    try:
        1 / 0
    except ZeroDivisionError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())

a = ''.join(['inter', 'ned'])
print(sys.intern(a) is sys.intern('interned'))
try:
    sys.intern(b'x')
except TypeError as e:
    print('TypeError', e)
class S(str):
    pass
try:
    sys.intern(S('x'))
except TypeError as e:
    print('TypeError', e)

print(sys.is_finalizing())
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
sys.setswitchinterval(1)
print(sys.getswitchinterval())
for bad in (0, -1.0, 'x'):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(5)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(depth=0)
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print('ValueError', e)

print(sys.getdlopenflags())
print(type(sys.getallocatedblocks()).__name__, sys.getallocatedblocks() >= 0)
frames = sys._current_frames()
print(len(frames), list(frames.values())[0].f_code.co_name)
def inner():
    return sys._current_frames()
print(list(inner().values())[0].f_code.co_name)
print(sys._current_exceptions().popitem()[1])
print(sys._clear_type_cache())
print(sys._getframe().f_code.co_name, sys._getframe(0).f_lineno)

atexit.register(lambda: print('atexit: finalizing', sys.is_finalizing()))
