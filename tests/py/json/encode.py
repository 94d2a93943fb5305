# json.dumps through the _json accelerator (indent None) and the C
# functions themselves.
import json
import json.encoder
import _json
import enum
from collections import OrderedDict

print(json.encoder.c_make_encoder is _json.make_encoder, json.encoder.c_encode_basestring is _json.encode_basestring,
      json.encoder.c_encode_basestring_ascii is _json.encode_basestring_ascii)


class IntSub(int):
    def __repr__(self):
        return "IntSub!"


class FloatSub(float):
    def __repr__(self):
        return "FloatSub!"


class Color(enum.IntEnum):
    RED = 1


class Fl(float, enum.Enum):
    HALF = 0.5


values = [
    None, True, False, 0, -1, 10 ** 30, 1.5, 1e300, 1e-300, 0.1, -0.0, float("inf"), float("-inf"), float("nan"),
    "", "abc", "é€\U0001f600\x00\x1f\x7f\"\\/\b\f\n\r\t\u2028\ud800", [], {}, (), [1, [2, [3]]], (1, 2),
    {"a": 1, "b": [True, None]}, {1: "int", 2.5: "float", True: "t", False: "f", None: "n"},
    IntSub(5), FloatSub(2.5), Color.RED, Fl.HALF, {Color.RED: 1}, OrderedDict([("z", 1), ("a", 2)]),
    {"nested": {"dict": {"deep": [{}]}}}, [float("nan"), {"inf": float("inf")}],
]
for v in values:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False) == json.dumps(v) or ascii(json.dumps(v, ensure_ascii=False)))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps([1, {"a": 2}], separators=(",", ":")), json.dumps({"a": [1, 2]}, separators=("; ", " = ")))
print(json.dumps({"a": 1, (1, 2): 3, "b": 2}, skipkeys=True))
print(json.dumps({3: 1, 1: 2}, sort_keys=True), json.dumps({"é": "ü"}, ensure_ascii=False))
print(json.dumps([1, {2, 3} - {2}, 3], default=list), json.dumps(object, default=lambda o: o.__name__))
print(json.dumps({"k": complex(1, 2)}, default=lambda c: [c.real, c.imag]))
for bad, kw in (({(1, 2): 3}, {}), ([float("nan")], {"allow_nan": False}), ({"x": float("inf")}, {"allow_nan": False}),
                ({float("inf"): 1}, {"allow_nan": False}), ({1: 1, "a": 2}, {"sort_keys": True}), ([object()], {}),
                ({"a": set()}, {}), ([1j], {"default": lambda o: o})):
    try:
        print(json.dumps(bad, **kw))
    except (TypeError, ValueError, RecursionError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
d = {}
d["self"] = d
for v in (loop, d):
    try:
        json.dumps(v)
    except ValueError as e:
        print("ValueError", e)
print(json.dumps(loop, check_circular=False) if False else "skip")


class Node:
    pass


n = Node()
try:
    json.dumps(n, default=lambda o: o)
except ValueError as e:
    print("ValueError", e)
import sys
limit = sys.getrecursionlimit()
sys.setrecursionlimit(150)
deep = []
for _ in range(500):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(limit)
shared = [1]
print(json.dumps([shared, shared, {"a": shared}]))
print(json.JSONEncoder().encode({"a": "b"}), list(json.JSONEncoder().iterencode([1, 2])))
print(json.dumps("\U0001f600 \u00e9", ensure_ascii=True))

# the C functions directly
print(_json.encode_basestring_ascii("a\u00e9\U0001f600\"\\\x00\n"), _json.encode_basestring("a\u00e9\"\x1f"))
for f in (_json.encode_basestring, _json.encode_basestring_ascii):
    for arg in (1, b"x", None):
        try:
            f(arg)
        except TypeError as e:
            print("TypeError", e)
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
e = _json.make_encoder(None, str, _json.encode_basestring, None, ":", ",", False, False, True)
print(type(e).__name__, e({"a": [1, 2.5, True, None]}, 0), e("x", 0), e(1, 5))
print(e.markers, e.default, e.encoder is _json.encode_basestring, e.indent, e.key_separator, e.item_separator,
      e.sort_keys, e.skipkeys)
print(sorted(a for a in dir(e) if not a.startswith("__")))
m = {}
e2 = _json.make_encoder(m, repr, lambda s: "<" + s + ">", 4, ": ", ", ", True, True, False)
print(e2({"b": [1, "x"], "a": {}, 1: 2.0}, 0) if False else e2({"b": [1, "x"], "a": {}}, 0), m)
print(e2([{"x": object}], 0) if False else "skip")
e3 = _json.make_encoder(None, str, lambda s: 1, None, ":", ",", False, False, True)
for obj in (["a"], {"k": 1}):
    try:
        e3(obj, 0)
    except TypeError as ex:
        print("TypeError", ex)
for args in ((1, str, str, None, ":", ",", False, False, True), (None, str, str, None, 1, ",", False, False, True),
             (None, str, str, None, ":", b",", False, False, True), (None, str, str, None, ":", ",", False, False),
             (None,) * 10):
    try:
        _json.make_encoder(*args)
    except TypeError as ex:
        print("TypeError", ex)
for a, k in (((), {}), ((1,), {}), ((1, 2, 3), {}), ((1,), {"_current_indent_level": 0, "x": 1})):
    try:
        e(*a, **k)
    except TypeError as ex:
        print("TypeError", ex)
try:
    e.sort_keys = True
except AttributeError as ex:
    print("AttributeError", ex)
# a list that default() shrinks is read live
a = [object()] * 10


def crasher(obj):
    del a[-1]


print(json.dumps(a, default=crasher))
