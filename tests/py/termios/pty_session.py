# os.openpty and the pty module: a pair of descriptors (not inheritable),
# the slave a terminal whose attributes termios reads; a forked child that
# makes the slave its terminal (os.login_tty) writes through it, and the
# parent reads the output on the master side (with the terminal's CRLF).
import os
import pty
import termios
import tty

master, slave = os.openpty()
print(os.isatty(master), os.isatty(slave), os.get_inheritable(master), os.get_inheritable(slave))
print(os.ttyname(slave).startswith('/dev/pts/'), len(termios.tcgetattr(slave)))
mode = termios.tcgetattr(slave)
tty.setraw(slave)
print(bool(termios.tcgetattr(slave)[3] & termios.ICANON))
termios.tcsetattr(slave, termios.TCSANOW, mode)
os.close(master)
os.close(slave)

master, slave = pty.openpty()
pid = os.fork()
if pid == 0:
    os.close(master)
    os.login_tty(slave)
    os.write(1, b'hello from the child\n')
    os.write(2, b'on stderr\n')
    os._exit(os.isatty(0) and os.isatty(1) and 7)
os.close(slave)
data = b''
while True:
    try:
        chunk = os.read(master, 1024)
    except OSError:  # EIO once the child closed the terminal
        break
    if not chunk:
        break
    data += chunk
_, status = os.waitpid(pid, 0)
print(data, os.WEXITSTATUS(status))
os.close(master)
for bad in (-1, 'x'):
    try:
        os.login_tty(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
