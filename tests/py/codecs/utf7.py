# utf-7: random strings round trip and every prefix decodes (final or not) as
# CPython's; the decoder's errors with each handler.
import random
random.seed(5)
chars = 'abc+-/~\\ \t\n\r!"#$%&*;<=>@[]^_`{|}AZaz09\'(),.:?' + 'é€\U0001f600\u0100\x00\x7f\x80'
out = []
for n in range(400):
    s = ''.join(random.choice(chars) for i in range(random.randint(0, 8)))
    b = s.encode('utf-7')
    out.append(repr(b))
    assert b.decode('utf-7') == s
    for i in range(len(b) + 1):
        for final in (False, True):
            try:
                out.append(repr(__import__('codecs').utf_7_decode(b[:i], 'strict', final)))
            except UnicodeDecodeError as e:
                out.append(str(e))
for data in [b'+', b'+A', b'+AG', b'+AGE', b'+AGEA', b'+AGEAZ', b'+AGE-', b'+AGEA-x', b'+\xff', b'a\x80b', b'+-', b'+!', b'+A!', b'+2D3cAA-', b'+2D0-', b'+3AA-', b'+2D3cAA', b'+AGEAZ!']:
    for errors in ['strict', 'replace', 'ignore', 'backslashreplace']:
        for final in (True, False):
            try:
                out.append(repr((data, errors, final, __import__('codecs').utf_7_decode(data, errors, final))))
            except UnicodeDecodeError as e:
                out.append(repr((data, errors, final, str(e))))
print('\n'.join(out))
