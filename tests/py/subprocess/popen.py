# Popen's process control over fork_exec: poll, wait with a timeout,
# send_signal/terminate/kill, stdin from a file, stderr to stdout, text
# mode with universal newlines, the context manager, check_output errors.
import os, signal, subprocess, sys

p = subprocess.Popen(['/bin/sh', '-c', 'read x; exit 7'], stdin=subprocess.PIPE)
print(p.poll())
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd)
p.stdin.write(b'go\n')
p.stdin.close()
print(p.wait(), p.returncode, p.poll())

p = subprocess.Popen(['/bin/sh', '-c', 'sleep 10'])
p.terminate()
print(p.wait() == -signal.SIGTERM)
p = subprocess.Popen(['/bin/sh', '-c', 'sleep 10'])
p.kill()
print(p.wait() == -signal.SIGKILL)
p = subprocess.Popen(['/bin/sh', '-c', 'sleep 10'])
p.send_signal(signal.SIGINT)
print(p.wait() == -signal.SIGINT)

with open('popen_input.txt', 'w') as f:
    f.write('from a file\n')
with open('popen_input.txt') as f:
    print(subprocess.run(['/bin/cat'], stdin=f, capture_output=True).stdout)
os.unlink('popen_input.txt')

r = subprocess.run(['/bin/sh', '-c', 'echo out; echo err >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()))
r = subprocess.run(['/bin/sh', '-c', 'printf "a\\r\\nb\\rc\\n"'], capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(['/bin/sh', '-c', 'printf "x\\n"'], capture_output=True, encoding='utf-8', errors='strict')
print(repr(r.stdout))

with subprocess.Popen(['/bin/echo', 'ctx'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)

try:
    subprocess.check_output(['/bin/sh', '-c', 'echo partial; exit 4'])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output, e)
print(subprocess.call(['/bin/sh', '-c', 'exit 5']))
print(subprocess.getstatusoutput('echo status; exit 2'))
r = subprocess.run(['/bin/sh', '-c', 'echo $0 $1 $#', 'zero', 'one'], capture_output=True)
print(r.stdout, r.args)
r = subprocess.run(['/usr/bin/python3.11', '-c', 'import os,sys; print(sorted(k for k in os.environ if k.startswith("PYR_T")))'],
                   env={'PYR_T1': 'a', 'PYR_T2': 'b'}, capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run(['/bin/sh', '-c', 'umask'], capture_output=True, text=True, umask=0o077)
print(r.stdout.strip())
r = subprocess.run(['/bin/sh', '-c', 'ls /proc/self/fd | wc -l'], capture_output=True, text=True)
print(int(r.stdout) <= 5)
try:
    subprocess.run(['/bin/echo'], env={'A=B': 'x'})
except ValueError as e:
    print('ValueError', e)
try:
    subprocess.run(['/etc/passwd'])
except PermissionError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    subprocess.run(['/bin/echo', 'a\0b'])
except ValueError as e:
    print('ValueError', e)
