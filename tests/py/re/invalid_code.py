# _sre.compile checks the structure of the code it is given ("invalid SRE
# code") instead of letting the matcher read past it.
import _sre
from re import _compiler, _parser

code = _compiler._code(_parser.parse('(a)|b*', 0), 0)
print(_sre.compile('(a)|b*', 0, code, 1, {}, ()).match('bb'))
for bad in ([], [0], [1], [17, 5, 1], [13, 2, 0, 1], [13, 9, 0, 1], [17, 0, 1], [17, 2, 1],
            [11, 0, 1], [11, 1, 1], [24, 5, 3, 1, 16, 97, 1, 1], [7, 0, 1], [99, 1],
            code[:-1], code + [1], [6, 99, 1], [8, 40, 1], [15, 1, 1]):
    try:
        p = _sre.compile('x', 0, bad, 1 if bad is code else 0, {}, ())
        print(bad, 'accepted', p.search('xyz'))
    except RuntimeError as e:
        print(bad, e)
