# re.Match and re.Pattern objects: groups by number and name, spans, regs,
# lastindex/lastgroup, pos/endpos, reprs, expand, copy, equality.
import copy
import re

p = re.compile(r'(?P<word>\w+)\s*(?P<num>\d+)?(x)?')
m = p.search('  hello 42 world', 1)
print(m)
print(m.group(), m.group(0), m.group(1), m.group('word'), m.group(1, 'num', 3))
print(m[0], m['num'], m[2], m[True])
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.groupdict(), m.groupdict('?'), m.groupdict(default=None))
print(m.start(), m.end(), m.span(), m.start('num'), m.end(2), m.span(3), m.start(3))
print(m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos)
print(m.string, m.re, m.re is p)
print(m.expand(r'<\g<word>|\2|\g<0>|\g<3>>'), m.expand(b'x' if False else r'\1\\n\n'))
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(p) is p, copy.deepcopy(p) is p)
print(bool(m), type(m).__name__, type(m).__module__, type(p).__name__, type(p).__module__)
print(p.pattern, p.flags, p.groups, p.groupindex, dict(p.groupindex))
print(re.compile('a').groupindex, re.compile('(a)(b)').groups)

m = re.compile('(a)(b)?').match('ac', 0, 5)
print(m.pos, m.endpos, m.span(2), m.group(2), m.lastindex, m.lastgroup)
m = re.compile('.+').match('abcdef', 2, 4)
print(m, m.pos, m.endpos)
m = re.compile('.+').match('abcdef', -5, 100)
print(m, m.pos, m.endpos)
print(re.compile('x').search('abc', 10), re.compile('$').search('abc', 10))
print(re.compile('^b').search('ab', 1), re.compile('(?m)^b').search('a\nb', 2))
print(re.compile(r'(?<=a)b').search('ab', 1), re.compile(r'\bb').search('ab', 1))
print(re.compile(r'a$').search('ab', 0, 1), re.compile(r'a\Z').match('ab', 0, 1))

# lastindex: the last group closed
for pat, s in [('(a)b', 'ab'), ('((a)b)', 'ab'), ('(a)(b)', 'ab'), ('(?P<x>a)|(?P<y>b)', 'b'),
               ('((?P<in>a)b)', 'ab'), ('(a)|b', 'b'), ('(?:(a)|b)+', 'ab')]:
    m = re.match(pat, s)
    print(pat, m.lastindex, m.lastgroup)

# reprs
print(re.match('a' * 60, 'a' * 60))
print(re.match('.*', 'x\n\'"é\u20ac'))
print(re.match(b'a.c', b'a\xffc'))
print(re.match('', ''))
print(re.compile('a' * 250))
print(re.compile(b'x'), re.compile('x', re.I), re.compile('x', re.I | re.M | re.S | re.X))
print(re.compile('x', re.A), re.compile('x', re.U), re.compile(b'x', re.L | re.I))
print(re.compile('x', re.DEBUG if False else 0), re.compile("it's"), re.compile('\n'))

# equality and hashing
a, b = re.compile('ab+'), re.compile('ab+')
print(a == b, a != b, hash(a) == hash(b), a == re.compile('ab+', re.I), a == re.compile(b'ab+'))
print(a == 'ab+', re.compile('x') == re.compile('y'), len({a, b}))
for op in ('<', '<=', '>', '>='):
    try:
        eval('a %s b' % op)
    except TypeError as e:
        print(e)

# group errors
m = re.match('(a)(?P<n>b)', 'ab')
for bad in (3, -1, 'x', 2**70, -2**70, 1.0, None):
    try:
        m.group(bad)
    except IndexError as e:
        print('group', repr(bad), type(e).__name__, e)
for f in (m.start, m.end, m.span):
    try:
        f('nope')
    except IndexError as e:
        print(e)
try:
    m.group([])
except TypeError as e:
    print(e)
class Idx:
    def __index__(self):
        return 2
print(m.group(Idx()), m.span(Idx()))
