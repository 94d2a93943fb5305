# re.Scanner, Pattern.scanner, the _sre module's own functions and
# constants, argument errors of the Pattern and Match methods.
import re
import _sre

scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', lambda s, tok: ('ident', tok)),
    (r'\d+\.\d*', lambda s, tok: ('float', tok)),
    (r'\d+', lambda s, tok: ('int', int(tok))),
    (r'=|\+|-|\*|/', lambda s, tok: ('op', tok)),
    (r'\s+', None),
])
print(scanner.scan('x = 3 + 4.5 * y_2 $ rest'))

sc = re.compile(r'(\d)|([a-z])').scanner('a1b2!c')
print(type(sc).__name__, sc.pattern)
print(sc.match(), sc.match(), sc.search(), sc.match(), sc.search(), sc.search(), sc.match())
sc = re.compile(r'x*').scanner('axx')
print([sc.search() for _ in range(5)])
sc = re.compile('').scanner('ab', 1)
print(sc.search(), sc.search(), sc.search())

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.ascii_iscased(c) for c in (65, 97, 48, 0xe9, 0x17f)])
print([_sre.unicode_iscased(c) for c in (65, 48, 0xe9, 0x17f, 0x1c5, 0x4e00, 0xdf, 0x2160)])
print([_sre.ascii_tolower(c) for c in (65, 90, 97, 0xc9, 0x130)])
print([_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x1c4, 0x1c5, 0x3a3, 0x2160, 0x10400)])
print(sorted(n for n in dir(_sre) if not n.startswith('__')))

p = re.compile('(a)')
m = p.match('a')
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

err(lambda: p.match())
err(lambda: p.match('a', 1, 2, 3))
err(lambda: p.search('a', foo=1))
err(lambda: p.fullmatch('a', 'x'))
err(lambda: p.findall())
err(lambda: p.finditer(string='aa', pos=1).__next__())
err(lambda: p.split('a', maxsplit='x'))
err(lambda: p.sub('x'))
err(lambda: p.subn('x', 'a', 1, 2))
err(lambda: p.scanner())
err(lambda: p.search(string='xa', pos=1, endpos=2))
err(lambda: p.match('a', 2**100))
err(lambda: type(p)())
err(lambda: type(m)())
err(lambda: m.groups(1, 2))
err(lambda: m.groupdict(x=1))
err(lambda: m.expand())
err(lambda: m.start(1, 2))
err(lambda: m.span(0, 1))
err(lambda: p.__deepcopy__())
err(lambda: _sre.ascii_iscased('a'))
err(lambda: _sre.compile())
err(lambda: _sre.compile('a', 0, (1,), 0, {}, ()))
err(lambda: _sre.compile('a', 0, [1 << 40], 0, {}, ()))
err(lambda: re.Pattern[str])
err(lambda: re.Match[bytes])
err(lambda: setattr(p, 'flags', 1))
err(lambda: delattr(p, 'pattern'))
err(lambda: setattr(m, 'pos', 1))
err(lambda: setattr(m, 'lastindex', 1))
err(lambda: setattr(p, 'groupindex', {}))
err(lambda: setattr(p, 'x', 1))
err(lambda: setattr(sc, 'pattern', 1))
