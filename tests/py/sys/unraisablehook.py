# sys.unraisablehook: exceptions of __del__, weakref callbacks and atexit
# callbacks reach the hook as UnraisableHookArgs; the default hook's text;
# a failing hook is reported with the default one.
import atexit
import gc
import io
import re
import sys
import weakref

def clean(text):
    return re.sub('0x[0-9a-f]+', '0x...', text)

print(sys.unraisablehook, sys.__unraisablehook__ is sys.unraisablehook)
seen = []
sys.unraisablehook = seen.append

class C:
    def __del__(self):
        raise ValueError('in del')

c = C()
del c
gc.collect()
a = seen[0]
print(type(a), type(a).__mro__, a.exc_type, a.exc_value, type(a.exc_traceback).__name__, a.err_msg,
      a.object.__qualname__)
print(len(a), type(a).n_fields, a[0] is a.exc_type, a.exc_traceback.tb_frame.f_code.co_name)

class Callback:
    def __call__(self, ref):
        1 / 0
    def __repr__(self):
        return '<Callback>'

class D:
    pass

d = D()
r = weakref.ref(d, Callback())
del d
gc.collect()
print(seen[1].object, seen[1].err_msg, seen[1].exc_type, seen[1].exc_value)

def cb():
    raise OSError('at exit')
atexit.register(cb)
atexit._run_exitfuncs()
print(seen[2].err_msg, seen[2].object.__name__, repr(seen[2].exc_value))

def run_with_stderr(hook):
    sys.unraisablehook = hook
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        d = D()
        r = weakref.ref(d, Callback())
        del d
        c = C()
        del c
        gc.collect()
        return clean(sys.stderr.getvalue())
    finally:
        sys.stderr = saved

print(run_with_stderr(sys.__unraisablehook__), end='')
def bad(args):
    raise KeyError('hook')
print(run_with_stderr(bad), end='')
print(run_with_stderr(None), end='')
sys.unraisablehook = sys.__unraisablehook__
try:
    sys.unraisablehook(1)
except TypeError as e:
    print('TypeError', e)
try:
    type(a)()
except TypeError as e:
    print('TypeError', e)
args = type(a)((ValueError, ValueError('made'), None, 'Custom message', None))
saved, sys.stderr = sys.stderr, io.StringIO()
sys.unraisablehook(args)
sys.unraisablehook(type(a)((KeyError, KeyError('k'), None, None, 'an object')))
text, sys.stderr = sys.stderr.getvalue(), saved
print(text, end='')
