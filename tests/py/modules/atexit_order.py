# atexit: callbacks run at exit, last registered first, with their
# arguments; unregister, _ncallbacks, _clear, _run_exitfuncs.
import atexit

def show(*args, **kwargs):
    print('exit callback', args, sorted(kwargs.items()))

print(atexit.register(show, 1) is show)
atexit.register(show, 2, key='v')
atexit.register(show)
print(atexit._ncallbacks())

def removed():
    print('never printed')
atexit.register(removed)
atexit.register(removed)
atexit.unregister(removed)
print(atexit._ncallbacks())

@atexit.register
def decorated():
    print('decorated runs first')
    atexit.register(show, 'registered during exit is dropped')

def unregisters_later():
    print('unregistering show')
    atexit.unregister(show)
atexit.register(show, 'before unregisters_later runs')
atexit.register(unregisters_later)

for bad in [(), (1,)]:
    try:
        atexit.register(*bad)
    except TypeError as e:
        print('TypeError', e)
try:
    atexit.unregister()
except TypeError as e:
    print('TypeError', e)

class Eq:
    def __eq__(self, other):
        raise ValueError('eq failed')
atexit.register(print, 'x')
try:
    atexit.unregister(Eq())
except ValueError as e:
    print('ValueError', e)
atexit.unregister(print)
print('main done')
