# _string's format-string parser and string.Formatter built on it.
import _string
import string

for fmt in ['', 'abc', '{}', '{0}', 'a{x}b', '{{}}', '{{x}}y', 'a{0!r:>{1}}b', '{:{}}', '{0.attr[key]!s:^10}',
            '{a[}]}', 'x}}y{{z', '{!r}', '{0:}', '{0!a}', '{ }', 'é{é}€', '{0[1}', '{0:{{}}}']:
    try:
        print(repr(fmt), list(_string.formatter_parser(fmt)))
    except ValueError as e:
        print(repr(fmt), 'ValueError', e)
for fmt in ['{', '}', 'a}b', '{0', '{0!', '{0!r', '{0!rx}', '{0:', '{a{b}', '{0!}', '{0:{1}']:
    try:
        print(repr(fmt), list(_string.formatter_parser(fmt)))
    except ValueError as e:
        print(repr(fmt), 'ValueError', e)
it = _string.formatter_parser('a{0}b')
print(type(it).__name__, iter(it) is it, next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')

for name in ['', '0', 'abc', '12.x[3][k].y', 'a[0]', 'x.', 'x[', 'x[]', 'x[1]y', 'x..y', '١٢', '0.real',
             '99999999999999999999999', 'a[99999999999999999999999]']:
    try:
        first, rest = _string.formatter_field_name_split(name)
        print(repr(name), repr(first), type(rest).__name__, list(rest))
    except ValueError as e:
        print(repr(name), 'ValueError', e)
for bad in [1, b'x', None]:
    for f in [_string.formatter_parser, _string.formatter_field_name_split]:
        try:
            f(bad)
        except TypeError as e:
            print('TypeError', e)

f = string.Formatter()
print(f.format('{0}-{1!r}-{name:>5}-{obj.real}-{lst[1]}', 1, 'two', name='n', obj=3j, lst=[4, 5]))
print(f.format('{:{}}|{:x}', 'ab', 5, 255), f.vformat('{a}{b}', (), {'a': 1, 'b': 2}))

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<%s>' % key
        return super().get_value(key, args, kwargs)
print(Upper().format('{0} {missing} {x:>4}', 'abc', x='y'))
for fmt, args in [('{0} {}', (1, 2)), ('{} {1}', (1, 2)), ('{5}', ()), ('{x}', ()), ('{0!z}', (1,))]:
    try:
        print(f.format(fmt, *args))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print(string.Template('$who likes ${what}').substitute(who='tim', what='kung pao'))
print(string.capwords(' hello   world '), string.ascii_letters[:5], string.punctuation)
