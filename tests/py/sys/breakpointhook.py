# breakpoint() and sys.breakpointhook: a replaced hook gets the arguments,
# a deleted one is "lost sys.breakpointhook"; PYTHONBREAKPOINT (in child
# interpreters) names the callable, 0 disables it, an unimportable name
# is a RuntimeWarning, -E ignores it.
import os
import subprocess
import sys

print(sys.breakpointhook, sys.__breakpointhook__ is sys.breakpointhook)
sys.breakpointhook = lambda *a, **k: ('hook', a, k)
print(breakpoint(1, x=2))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print('RuntimeError', e)
sys.breakpointhook = sys.__breakpointhook__

env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
code = 'print(breakpoint(1, 2, sep="-"))\nprint("after")'
for opts, value in [([], '0'), ([], 'builtins.print'), ([], 'print'), ([], 'nosuchmod.func'),
                    ([], 'os.nosuch'), ([], 'os.path.join'), (['-E'], 'nosuchmod.func'),
                    (['-E'], '0'), ([], 'sys.exit')]:
    if opts == ['-E'] and value != '0':
        code2 = 'import sys\nsys.breakpointhook = print\nprint(breakpoint(3))'
    else:
        code2 = code
    r = subprocess.run([sys.executable] + opts + ['-c', code2], capture_output=True, text=True,
                       env=dict(env, PYTHONBREAKPOINT=value))
    print(opts, value, r.returncode, r.stdout.splitlines(), r.stderr.splitlines())
