# termios on a pseudo-terminal opened through /dev/ptmx (fcntl.ioctl
# unlocks it and finds its number): tcgetattr/tcsetattr round trips
# (raw mode: VMIN/VTIME become ints), window size, line control, the
# constants against CPython's values, and termios.error.
import fcntl
import os
import struct
import termios

names = sorted(k for k in dir(termios) if k.isupper())
print(len(names), sum(getattr(termios, k) for k in names) % 1000003)
print(termios.TCSANOW, termios.TCSADRAIN, termios.TCSAFLUSH, termios.NCCS, termios.VMIN, termios.VTIME,
      termios.ICANON, termios.ECHO, termios.B9600, termios.TIOCGWINSZ, termios.VSWTCH)

TIOCSPTLCK, TIOCGPTN = 0x40045431, 0x80045430  # Linux's pty ioctls
master = os.open('/dev/ptmx', os.O_RDWR | os.O_NOCTTY)
fcntl.ioctl(master, TIOCSPTLCK, struct.pack('i', 0))
number = struct.unpack('I', fcntl.ioctl(master, TIOCGPTN, b'\0\0\0\0'))[0]
slave = os.open('/dev/pts/%d' % number, os.O_RDWR | os.O_NOCTTY)
print(os.isatty(slave))

attrs = termios.tcgetattr(slave)
print(len(attrs), [type(x).__name__ for x in attrs], len(attrs[6]), type(attrs[6][0]).__name__)
print(bool(attrs[3] & termios.ICANON), attrs[6][termios.VINTR], attrs[6][termios.VEOF])

new = termios.tcgetattr(slave)
new[3] &= ~(termios.ICANON | termios.ECHO)
new[6][termios.VMIN] = 1
new[6][termios.VTIME] = 0
new[4] = new[5] = termios.B9600
termios.tcsetattr(slave, termios.TCSANOW, new)
raw = termios.tcgetattr(slave)
print(bool(raw[3] & termios.ICANON), bool(raw[3] & termios.ECHO), raw[6][termios.VMIN], raw[6][termios.VTIME],
      raw[4] == termios.B9600, raw[5] == termios.B9600)
raw[6][termios.VINTR] = b'\x07'
termios.tcsetattr(slave, termios.TCSADRAIN, raw)
print(termios.tcgetattr(slave)[6][termios.VINTR])
termios.tcsetattr(slave, termios.TCSAFLUSH, attrs)
print(termios.tcgetattr(slave) == attrs)

print(termios.tcgetwinsize(slave))
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(master, [50, 132])
print(termios.tcgetwinsize(slave))
print(termios.tcflush(slave, termios.TCIOFLUSH), termios.tcdrain(slave), termios.tcflow(slave, termios.TCOON))
print(termios.tcsendbreak(slave, 0))

class File:
    def fileno(self):
        return slave
print(termios.tcgetattr(File()) == attrs)

def t(f, *args):
    try:
        print(f.__name__, f(*args))
    except (termios.error, TypeError, ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
r, w = os.pipe()
t(termios.tcgetattr, r)
t(termios.tcgetwinsize, r)
t(termios.tcsetattr, r, termios.TCSANOW, attrs)
t(termios.tcgetattr, 'x')
t(termios.tcgetattr, -1)
t(termios.tcsetattr, slave, termios.TCSANOW, attrs[:6])
t(termios.tcsetattr, slave, termios.TCSANOW, tuple(attrs))
t(termios.tcsetattr, slave, termios.TCSANOW, attrs[:6] + [attrs[6][:5]])
t(termios.tcsetattr, slave, termios.TCSANOW, attrs[:6] + [['x'] * termios.NCCS])
t(termios.tcsetwinsize, slave, (1, 2, 3))
t(termios.tcsetwinsize, slave, 5)
t(termios.tcsetwinsize, slave, {0: 1, 1: 2})
t(termios.tcsetwinsize, slave, (-1, 2))
t(termios.tcflush, slave)
try:
    termios.tcgetattr(r)
except termios.error as e:
    print(e.args, type(e).__mro__, termios.error.__module__)
for fd in (r, w, slave, master):
    os.close(fd)
