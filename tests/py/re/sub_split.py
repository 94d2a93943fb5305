# sub/subn with templates and functions, split, findall, finditer: empty
# matches, counts, group references and their errors.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world foo bar'))
print(re.sub(r'(?P<a>\d)', r'[\g<a>\g<1>\g<0>]', 'a1b2'))
print(re.sub('a', r'\n\t\\x', 'bab'), repr(re.sub('a', '\\n', 'a')))
print(re.sub('x*', '-', 'abc'), re.sub('x*', '-', ''), re.sub('', '-', 'ab'))
print(re.sub('a|', '-', 'baac'))
print(re.sub(r'\b', '|', 'ab cd'))
print(re.subn('a', 'b', 'aaaa'), re.subn('a', 'b', 'aaaa', 2), re.subn('a', 'b', 'aaaa', count=1))
print(re.sub('a', 'b', 'aaaa', -1), re.subn('z', 'b', 'aaaa'))
print(re.sub('(a)|b', r'[\1]', 'ab'))
print(re.sub('.', lambda m: m.group().upper() * 2, 'abc'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
print(re.sub('a', lambda m: None, 'bab') if False else '')
print(re.compile('o').sub('0', 'foo boo', 3), re.compile('o').subn(repl='0', string='foo', count=1))
print(re.sub('(?i)b+', 'x', 'aBbBc'), re.sub('b', 'x', 'abc', flags=re.I))
print(re.sub('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', r'\11\10\g<11>0', 'abcdefghijk'))
print(re.sub('a', r'\g<0>\g<0>', 'aba'))
class S(str):
    pass
print(repr(re.sub('a', 'b', S('xa'))), type(re.sub('a', 'b', S('xa'))).__name__)
print(repr(re.sub('q', 'b', S('xa'))), type(re.sub('q', 'b', S('xa'))).__name__)

for tmpl in [r'\3', r'\g<x>', r'\g<', r'\g<1a>', '\\', r'\q', r'\g<-1>']:
    try:
        re.sub('(a)', tmpl, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 3, 'bab')
except TypeError as e:
    print(e)
try:
    re.sub('a', 1, 'a')
except TypeError as e:
    print(type(e).__name__, e)

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'a b c', maxsplit=-1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)?', '...words, words...'))
print(re.split('x*', 'axbc'), re.split('', 'abc'), re.split(r'\b', 'a b'))
print(re.split('(a)|(b)', 'xaybz'), re.split('a', ''), re.split('', ''))
print(re.split('(?m)^', 'a\nb\nc'), re.split('$', 'ab'))

print(re.findall(r'\d', 'a1b2c3'), re.findall(r'(\d)(\w)', 'a1b2c3'), re.findall(r'(\d)x?', 'a1b2'))
print(re.findall('', 'ab'), re.findall('a*', 'baaac'), re.findall('(a)|b', 'ab'))
print(re.compile(r'\w+').findall('ab cd ef', 1, 5))
print([m.group() for m in re.finditer(r'\w+', 'ab cd ef')], [m.span() for m in re.finditer('', 'ab')])
it = re.compile('a').finditer('aXa', 1)
print(type(it).__name__, next(it), list(it))
print([m.span() for m in re.finditer(r'(?=(\w))', 'abc')])
print([m.span() for m in re.compile('b*').finditer('abbcb', 1, 4)])
