print('single', "double", '''triple''', """triple2""")
print('esc: \t|\\|\'|\"|\x41|\101|\u00e9|\N{GREEK SMALL LETTER ALPHA}|\U0001F600'.encode("unicode_escape"))
print(r'raw \n \t', len(r'\n'))
print("concat" "enated" 'strings')
print(b'bytes \x00\xff', rb'\n', Rb'x')
print("multi\
line")
s = """a
b
c"""
print(s.split("\n"))
print(len("\N{LATIN SMALL LETTER E WITH ACUTE}"), len("e\u0301"))
print(repr('\0'), repr('\x7f'), repr('\u200b'), repr("'"), repr('"'), repr('\'"'))
print(repr("\r\n\t\a\b\f\v"))
print('%s and %r' % ("a", "b"))
print(u'unicode prefix')
