# argparse: parsing, defaults, types, choices, subcommands, mutually
# exclusive groups, help text and the errors parse_known_args reports.
import os
os.environ['COLUMNS'] = '80'
import argparse

p = argparse.ArgumentParser(prog='tool', description='A tool that does things with files.',
                            epilog='See the manual for more.')
p.add_argument('files', nargs='*', help='input files')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('-n', '--number', type=int, default=3, metavar='N', help='how many (default: %(default)s)')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--name', required=False, dest='who')
p.add_argument('--flag', action='store_true')
p.add_argument('--no-color', action='store_false', dest='color')
p.add_argument('-I', action='append', default=[], dest='includes')
p.add_argument('--pair', nargs=2, type=float)
g = p.add_mutually_exclusive_group()
g.add_argument('--up', action='store_const', const='UP', dest='direction')
g.add_argument('--down', action='store_const', const='DOWN', dest='direction')
p.add_argument('--version', action='version', version='tool 1.0')

def show(ns):
    print(sorted(vars(ns).items()))

show(p.parse_args([]))
show(p.parse_args(['a.txt', 'b.txt', '-vvv', '-n', '7', '--mode=slow', '--name', 'bob']))
show(p.parse_args(['--flag', '--no-color', '-Ix', '-I', 'y', '--pair', '1.5', '2', '--down']))
show(p.parse_args(['--', '-notanoption']))
ns, rest = p.parse_known_args(['a', '--unknown', '3', '-v'])
show(ns)
print(rest)
print(p.format_usage(), end='')
print(p.format_help(), end='')

# Errors raise SystemExit(2) after writing usage and message to stderr;
# exit_on_error=False turns them into ArgumentError.
q = argparse.ArgumentParser(prog='strict', exit_on_error=False)
q.add_argument('--count', type=int)
q.add_argument('x')
for argv in (['--count', 'abc', 'v'], ['1', '2'], []):
    try:
        q.parse_args(argv)
    except argparse.ArgumentError as e:
        print('ArgumentError', e)
    except SystemExit as e:
        print('SystemExit', e.code)

sub = argparse.ArgumentParser(prog='git')
sp = sub.add_subparsers(dest='cmd', required=True, help='sub-command help')
c = sp.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
c.add_argument('--amend', action='store_true')
pu = sp.add_parser('push', help='update remote', aliases=['p'])
pu.add_argument('remote', nargs='?', default='origin')
show(sub.parse_args(['commit', '-m', 'msg']))
show(sub.parse_args(['p']))
show(sub.parse_args(['push', 'upstream']))
print(sub.format_help(), end='')
print(c.format_help(), end='')

def int_range(text):
    v = int(text)
    if not 0 <= v <= 10:
        raise argparse.ArgumentTypeError(f'{v} is not in 0..10')
    return v
r = argparse.ArgumentParser(prog='ranged', exit_on_error=False)
r.add_argument('level', type=int_range)
show(r.parse_args(['4']))
try:
    r.parse_args(['40'])
except argparse.ArgumentError as e:
    print('ArgumentError', e)

f = argparse.ArgumentParser(prog='fmt', formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                            fromfile_prefix_chars='@')
f.add_argument('--alpha', default=1.5, help='the alpha')
f.add_argument('--beta', default='b', help='the beta')
f.add_argument('--gamma', default=argparse.SUPPRESS, help='hidden default')
print(f.format_help(), end='')
ns = argparse.Namespace(a=1, b='x')
print(ns, ns == argparse.Namespace(b='x', a=1), 'a' in ns)
