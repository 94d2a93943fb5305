# subprocess over _posixsubprocess.fork_exec: run, Popen with pipes, check_output,
# communicate, cwd, env, pass_fds, start_new_session, preexec_fn, shell, timeouts,
# and the errors a child reports (missing program, bad cwd, preexec_fn raising).
import subprocess, sys, os
print(subprocess.run(['/bin/echo', 'hi']).returncode)
r = subprocess.run(['/bin/echo', 'hello', 'world'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output(['/bin/sh', '-c', 'echo $FOO; pwd'], env={'FOO': 'bar'}, cwd='/tmp'))
p = subprocess.Popen(['/bin/sh', '-c', 'cat; echo err >&2; exit 3'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(b'input data\n')
print(out, err, p.returncode)
try:
    subprocess.run(['/nonexistent/prog'])
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.run(['nonexistent-prog-xyz'])
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.run(['/bin/echo'], cwd='/nonexistent-dir')
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.check_call(['/bin/sh', '-c', 'exit 2'])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.run(['/bin/echo'], preexec_fn=lambda: 1/0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
print(subprocess.run(['/bin/sh', '-c', 'echo $$ > /dev/null; ps -o sid= -p $$ >/dev/null 2>&1; echo ok'], start_new_session=True, capture_output=True).stdout)
r, w = os.pipe()
os.set_inheritable(w, False)
p = subprocess.run(['/bin/sh', '-c', f'echo via-fd >&{w}'], pass_fds=[w])
os.close(w)
print(os.read(r, 100)); os.close(r)
print(subprocess.run('echo shell $((1+2))', shell=True, capture_output=True, text=True).stdout)
print(subprocess.getoutput('echo getoutput'))
print(subprocess.run([sys.executable if False else '/usr/bin/python3.11', '-c', 'import sys; sys.stdout.write(sys.stdin.read().upper())'], input='abc', capture_output=True, text=True).stdout)
try:
    subprocess.run(['/bin/sh', '-c', 'sleep 5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('timeout', e.cmd, e.timeout > 0)
