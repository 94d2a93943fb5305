# Flags: IGNORECASE (ASCII, Unicode and the special cases of re/_casefix.py),
# MULTILINE, DOTALL, VERBOSE, ASCII, LOCALE (bytes), inline and scoped flags;
# Unicode categories for \d \w \s \b.
import re

def show(pat, s, flags=0):
    try:
        print(repr(pat), repr(s), [m.span() for m in re.finditer(pat, s, flags)])
    except re.error as e:
        print(repr(pat), 'error:', e)

for pat, s in [('abc', 'ABC aBc abc'), ('[a-z]+', 'ÀBCdé'), ('straße', 'STRASSE strasse STRAßE'),
               ('σ', 'Σσς'), ('Σ+', 'σςΣ'), ('[σ]', 'ς'), ('[α-ω]+', 'ΑΒΓαβγς'),
               ('k', 'kKK'), ('[k]', 'K'), ('s', 'sSſ'), ('[^s]', 'ſ'), ('ﬀ', 'FF ﬀ'),
               ('ǅ', 'ǄǅǆDž'), ('[ǅ]', 'Ǆ'), ('ΐ', 'ΐ'), ('i', 'İıIi'), ('[i]+', 'İıIi'),
               ('µ', 'µμΜ'), ('[Ā-ā]', 'āĀ'), ('[\u0100-\u017f]+', 'ĀāŻž'), ('θ', 'ϑΘθ'),
               ('[^a]', 'A'), ('[^\u0101]', 'Ā'), ('(a)\\1', 'aA Aa'), ('(σ)\\1', 'Σς'),
               ('[\U00010400-\U0001044f]', '\U00010428\U00010400'), ('\U00010400', '\U00010428'),
               ('[0-9a-fA-F]+', 'DeadBeef'), ('[Zz]', 'zZ'), ('ǰ', 'J̌ǰ'), ('[^\W]+', 'ÀBC')]:
    show(pat, s, re.IGNORECASE)
    show(pat, s, re.IGNORECASE | re.ASCII)

show(r'^\w+$', 'one\ntwo\nthree', re.M)
show(r'^\w+$', 'one\ntwo\nthree')
show(r'\w+$', 'one\ntwo\n')
show(r'$', 'a\nb\n', re.M)
show(r'.', 'a\nb')
show(r'.', 'a\nb', re.S)
show(r'''(?x)
    (\d+)   # digits
    \s* [.] \s*  # a dot
    (\d+)
''', '12 . 34')
show(r'(?x)[ #]', 'a b#c')
show(r'(?x)a\ b', 'a b')
show(r'\w+', 'café naïve 日本 ٣')
show(r'\w+', 'café naïve 日本 ٣', re.A)
show(r'\d+', '12٣٤۵६߀')
show(r'\d+', '12٣٤۵६', re.A)
show(r'\s+', 'a\u00a0b\u2003c\x1fd\x85e')
show(r'\s+', 'a\u00a0b\x1fd', re.A)
show(r'\b\w+\b', 'héllo wörld')
show(r'\b\w+\b', 'héllo wörld', re.A)
show(r'\B.', 'ab é')
show(r'[\w-]+', 'ab-cd é')
show(r'[^\d\s]+', 'ab 12 ٣x')
show(r'(?i:A)b', 'ab aB Ab AB')
show(r'a(?i)b', 'ab')
show(r'(?-i:a)b', 'Ab aB', re.I)
show(r'(?s:a.)b.', 'a\nb\n ab')
show(r'(?m:^x)|^y', 'y\nx\ny')
show(r'(?a:\w+) \w+', 'é é é')
show(r'(?u)\w', 'é')

for pat, s in [(rb'abc', b'ABC'), (rb'[a-z]+', b'AbC\xc0\xe0'), (rb'\w+', b'ab\xe9c'),
               (rb'\xe9', b'\xc9\xe9'), (rb'(?i)\xe9', b'\xc9\xe9')]:
    print(pat, s, re.findall(pat, s, re.I), re.findall(pat, s, re.I | re.L), re.findall(pat, s, re.L))
print(re.findall(rb'\w+', b'a_1 \xe9', re.L), re.findall(rb'\b.', b'ab cd', re.L))
print(re.findall(rb'\s+', b'a \t\n\x0b\x0c\rb\x1c'), re.findall(rb'\d', b'12\xb2'))

print(re.compile('x', re.I).flags, re.compile(b'x').flags, re.compile('(?i)x').flags,
      re.compile('x', re.A | re.I).flags, re.compile(b'x', re.L).flags)
print(re.IGNORECASE, re.I | re.M, repr(re.S), re.NOFLAG if hasattr(re, 'NOFLAG') else 0)
for pat, fl in [('x', re.A | re.U), (b'x', re.U), ('x', re.L), (b'x', re.A | re.L)]:
    try:
        re.compile(pat, fl)
    except ValueError as e:
        print(e)
