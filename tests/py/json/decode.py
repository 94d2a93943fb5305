# json.loads through the _json accelerator: values, hooks, and the
# positions and messages of errors.
import json
import json.decoder
import json.scanner
import _json
from collections import OrderedDict
from decimal import Decimal

print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring)
docs = [
    '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}', '[]', '{}', ' [ ] ', '"x"', '12', '-0', '-0.0',
    '1E400', '-1e-400', '0.1', '123456789012345678901234567890', '[1e5, 1E+5, 1e-5, 2.0e0]', '"\\u00e9\\n\\t\\\\\\"\\/"',
    '"\\ud834\\udd1e"', '"\\ud834"', '"\\udd1e\\ud834"', '"\\ud834\\u0041"', '"\\ud834x"', '"\u20ac\U0001f600"',
    '[NaN, Infinity, -Infinity]', '{"a": 1, "a": 2}', '[[[[[]]]]]', ' \t\n\r 7 \r\n', '"\\u00E9\\u00e9"',
    '[1,]', '{"a":1,}', '[', '{', '{"a"', '{"a":', '[1 2]', '"abc', '"\\x"', '"\\u12"', '"\\u12zz"', '1e5x', '-',
    '[-]', '01', '1.', '.5', '1.e5', '1e', '1e+', '-a', '{"a" 1}', '[1,2', '', ' ', 'nul', 'tru', 'fals', 'Na', 'Infinit',
    '-Infinit', '{1: 2}', "{'a': 1}", '"a\tb"', '"a\x00b"', '[1]x', '"\\', '"\\u', '"\\ud834\\u', '"\\ud834\\udd"',
    '\ufeff[1]', '[1, 2]\n', '{"x": 1} {"y": 2}', '{"\\ud800": 0}',
]
for doc in docs:
    try:
        print(ascii(doc), ascii(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(ascii(doc), "JSONDecodeError", e, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(ascii(doc), type(e).__name__, e)
print(json.loads('"a\tb"', strict=False), ascii(json.loads('["\\n", "x\ny"]', strict=False)))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": {"c": 3}}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"b": 1, "a": {"c": 3}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: 2))
print(json.loads('[1.5, 2, 1e2]', parse_float=Decimal, parse_int=lambda s: "int:" + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda c: "const:" + c))
print(json.loads('[1, 2]', parse_int=float))
d = json.loads('[{"key": 1}, {"key": 2}]')
print([k for o in d for k in o], list(d[0])[0] is list(d[1])[0])
try:
    json.loads("1" * 5000)
except ValueError as e:
    print("ValueError", e)
import sys
limit = sys.getrecursionlimit()
sys.setrecursionlimit(150)
try:
    json.loads("[" * 500 + "]" * 500)
except RecursionError as e:
    print("RecursionError", e)
try:
    json.loads('{"a":' * 500)
except RecursionError as e:
    print("RecursionError", e)
print(len(json.loads("[" * 100 + "]" * 100)))
sys.setrecursionlimit(limit)
print(json.loads(b'{"bytes": [1]}'), json.loads(bytearray(b'"\xc3\xa9"'.decode("latin-1").encode("latin-1"))))
print(json.loads('[1, 2]'.encode("utf-16")), json.loads('"x"'.encode("utf-32-be")))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} tail'), dec.raw_decode('  [2]', 2))
try:
    dec.raw_decode('  [2]')
except json.JSONDecodeError as e:
    print(e)

# the C functions directly
print(_json.scanstring('"hello" rest', 1), _json.scanstring('a\\u0041b"', 0), _json.scanstring('x"', 1))
for args in (('abc"', -1), ('abc"', 5), ('abc', 0), ('a\x01"', 0), (b'x"', 0), ('"', 1), ('', 0)):
    try:
        print(_json.scanstring(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(_json.scanstring('a\x01"', 0, False), _json.scanstring('a\x01"', 0, 0))
for a, k in (((), {}), (('a',), {}), (('a', 1, 2, 3), {}), (('a', 1), {'strict': 1}), (('a', 'x'), {})):
    try:
        _json.scanstring(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
s = _json.make_scanner(json.JSONDecoder(strict=False))
print(type(s).__name__, s.strict, s.object_hook, s.object_pairs_hook, s.parse_float, s.parse_int, s.parse_constant.__name__)
print(s('[1, "a"]', 0), s(string='  "b"', idx=2), s('1.5e3,', 0), s('true', 0))
for args in (('[', 0), ('', 0), ('x', -1), (1, 0), ('x', 0), ('[1', 0), ('{"a":}', 0)):
    try:
        print(s(*args))
    except StopIteration as e:
        print("StopIteration", e.value)
    except Exception as e:
        print(type(e).__name__, e)
for a, k in (((), {}), (('a',), {}), (('a', 1, 2), {}), (('a',), {'x': 1})):
    try:
        s(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
for a, k in (((), {}), ((1, 2), {}), ((), {'ctx': 1}), ((1,), {})):
    try:
        _json.make_scanner(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
try:
    s.strict = 1
except AttributeError as e:
    print("AttributeError", e)
class Ctx:
    strict = 0
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    def parse_constant(self, c):
        return c.lower()
print(_json.make_scanner(Ctx())('[NaN, "a\tb", {"k": 1}]', 0))
