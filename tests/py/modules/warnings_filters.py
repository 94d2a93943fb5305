# warnings over _warnings: the default filters, actions, registries, the
# stack level, showwarning, warn_explicit, errors; -W and PYTHONWARNINGS.
import sys
import warnings
import _warnings

print(_warnings.filters is warnings.filters, _warnings._defaultaction, _warnings._onceregistry)
print(warnings.filters)
print(warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit)

def f(msg, level=1, category=UserWarning):
    warnings.warn(msg, category, stacklevel=level)

f('default action')
f('default action')
print(__warningregistry__)
f('level two', 2)
warnings.warn('a RuntimeWarning', RuntimeWarning)
warnings.warn(UserWarning('an instance'))
warnings.warn('deprecated in main', DeprecationWarning)
warnings.warn('pending', PendingDeprecationWarning)
warnings.warn(42)
print(sorted(map(str, __warningregistry__)))

for action in ['always', 'once', 'module', 'ignore']:
    with warnings.catch_warnings():
        warnings.simplefilter(action)
        for i in range(2):
            f('action ' + action)
        for i in range(2):
            warnings.warn_explicit('explicit ' + action, UserWarning, 'other.py', 7, registry={})

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        f('now an error')
    except UserWarning as e:
        print('raised', type(e).__name__, e)
    warnings.filterwarnings('ignore', message='ignore me')
    warnings.warn('ignore me please')
    warnings.filterwarnings('ignore', category=SyntaxWarning)
    warnings.warn('x', SyntaxWarning)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    f('recorded', 1, FutureWarning)
    warnings.warn_explicit('explicit', BytesWarning, 'somefile.py', 99, 'somemodule')
    for w in log:
        print(w.category.__name__, w.message, w.filename.endswith(('warnings_filters.py', 'somefile.py')), w.lineno)

def show(message, category, filename, lineno, file=None, line=None):
    print('custom show:', category.__name__, message, lineno)
old = warnings.showwarning
warnings.showwarning = show
warnings.warn('through showwarning')
warnings.showwarning = old

# The registry is reset when the filters change.
reg = {}
warnings.warn_explicit('r', UserWarning, 'r.py', 1, registry=reg)
print(reg)
warnings.resetwarnings()
warnings.simplefilter('default')
warnings.warn_explicit('r', UserWarning, 'r.py', 1, registry=reg)
print(reg)

for call in [lambda: warnings.warn('x', 42), lambda: warnings.warn('x', str), lambda: warnings.warn(),
             lambda: warnings.warn_explicit('x', UserWarning, 1, 2),
             lambda: warnings.warn_explicit('x', UserWarning, 'f', 1, registry=[]),
             lambda: warnings.warn_explicit('x', UserWarning, 'f', 1, module_globals=1)]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
warnings.filters.insert(0, ('bogus', None, Warning, None, 0))
try:
    warnings.warn('x')
except RuntimeError as e:
    print('RuntimeError', e)
del warnings.filters[0]

import os
sys.stdout.flush()
exe = sys.executable
os.system(exe + ' -W error::RuntimeWarning -c "import sys, warnings; print(sys.warnoptions); warnings.warn(\'w\', RuntimeWarning)" 2>&1 | tail -1')
os.system('PYTHONWARNINGS=ignore,always::UserWarning ' + exe + ' -W error::DeprecationWarning -c "import sys; print(sys.warnoptions)"')
os.system(exe + ' -W nonsense -W ignore::NoSuchWarning -c "pass"')
