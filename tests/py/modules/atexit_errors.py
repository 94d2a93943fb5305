# Errors in atexit callbacks are reported and the others still run;
# _run_exitfuncs runs and clears the callbacks; SystemExit in main.
import atexit
import sys

class Named:
    def __init__(self, name, exc=None):
        self.name, self.exc = name, exc
    def __repr__(self):
        return '<callback %s>' % self.name
    def __call__(self):
        print('running', self.name)
        if self.exc:
            raise self.exc

atexit.register(Named('first'))
atexit.register(Named('raises', ValueError('bad value')))
atexit.register(Named('exits', SystemExit(3)))
atexit.register(Named('last'))

atexit.register(Named('early', KeyError('k')))
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(Named('first'))
atexit.register(Named('raises', ValueError('bad value')))
atexit.register(Named('exits', SystemExit(3)))
atexit.register(Named('last'))
atexit.register(Named('cleared'))
atexit._clear()
atexit.register(Named('one'))
atexit.register(Named('two', RuntimeError('two failed')))
print('main ends with SystemExit')
sys.exit(5)
