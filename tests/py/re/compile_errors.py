# re.error from the parser (message, pos, lineno, colno) and the module-level
# cache, purge, escape and the RegexFlag enum on top of _sre.
import re

for pat in ['(', ')', '[a', 'a**', '(?P<1>a)', '(?P<a>a)(?P<a>b)', r'\1', '(?<=a+)b', 'x{2,1}',
            '(?z)', '[b-a]', '\\', r'\k', '(?P=zz)', 'a\n(', '(?i', '(?<!', '(?(2)a)', b'\\u0041',
            r'(?x)(?i)a', '(?-q:a)', '*', 'a{99999999999}']:
    try:
        re.compile(pat)
        print(repr(pat), 'ok')
    except re.error as e:
        print(repr(pat), '|', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except (OverflowError, DeprecationWarning) as e:
        print(repr(pat), type(e).__name__, e)

print(re.escape('a-b.c*d\n é'), re.escape(b'\x00a.'))
print(re.compile('abc') is re.compile('abc'))
re.purge()
print(re.compile('abc').pattern)
print(re.I, re.I.value, int(re.M | re.S), re.RegexFlag(2), list(re.RegexFlag)[:3])
print(re.error.__module__, re.error.__name__, issubclass(re.error, Exception), re.Pattern, re.Match)
print(type(re.compile('a')) is re.Pattern, isinstance(re.match('a', 'a'), re.Match))
