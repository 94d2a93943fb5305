# sys.flags, sys._xoptions and sys.orig_argv as the command-line options
# and the PYTHON* environment variables set them, in child interpreters
# (sys.executable); -E and -I make the child ignore the environment.
import os
import subprocess
import sys

FIELDS = ['debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site',
          'no_site', 'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'isolated',
          'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits']
SHOW = ('import sys; f = sys.flags; '
        'print(*[k + "=" + str(getattr(f, k)) for k in %r if getattr(f, k)], sep=", "); '
        'print(sys._xoptions, sys.orig_argv[1:-1], sys.path[0] == "", sys.get_int_max_str_digits())' % FIELDS)
BASE = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}

def run(options, env=None, code=SHOW):
    e = dict(BASE)
    e.update(env or {})
    r = subprocess.run([sys.executable] + options + ['-c', code], capture_output=True, text=True, env=e)
    print(options, env or '', '->', r.returncode)
    print(r.stdout, end='')
    if r.stderr:
        print('stderr:', r.stderr.strip().splitlines())

run([])
run(['-O'])
run(['-OO', '-B', '-q', '-s', '-d', '-b'])
run(['-bb', '-S'])
run(['-E'], {'PYTHONOPTIMIZE': '2', 'PYTHONDEBUG': '1'})
run([], {'PYTHONOPTIMIZE': '2', 'PYTHONDEBUG': '1', 'PYTHONDONTWRITEBYTECODE': 'x',
         'PYTHONNOUSERSITE': '1', 'PYTHONSAFEPATH': '1', 'PYTHONWARNDEFAULTENCODING': '1'})
run(['-O'], {'PYTHONOPTIMIZE': 'abc'})
run(['-I'], {'PYTHONOPTIMIZE': '1'})
run(['-P'])
run(['-X', 'dev', '-X', 'utf8', '-X', 'warn_default_encoding'])
run(['-X', 'utf8=0', '-X', 'custom', '-X', 'key=value', '-Xother=1'])
run(['-X', 'int_max_str_digits=1000'])
run([], {'PYTHONINTMAXSTRDIGITS': '0'})
run(['-X', 'int_max_str_digits=5'])
run(['-X', 'int_max_str_digits'])
run([], {'PYTHONINTMAXSTRDIGITS': 'abc'})
run([], {'PYTHONUTF8': '1'})
run(['-u'], {}, 'import sys; print(sys.stdout.write_through, sys.stderr.write_through)')
run([], {'PYTHONUNBUFFERED': '1'}, 'import sys; print(sys.stdout.write_through)')
run(['-E'], {'PYTHONUNBUFFERED': '1'}, 'import sys; print(sys.stdout.write_through)')
run(['-E'], {'PYTHONPATH': '/nonexistent-dir'}, 'import sys; print("/nonexistent-dir" in sys.path)')
run([], {'PYTHONPATH': '/nonexistent-dir'}, 'import sys; print("/nonexistent-dir" in sys.path)')
