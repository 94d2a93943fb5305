"""JSON in Python: an encoder and a recursive-descent decoder written here
(no json module), run over generated records (docs/bench.md).

The encoder writes what json.dumps writes with its defaults (", " and
": " separators, non-ASCII as \\uXXXX escapes, surrogate pairs above the
BMP); the decoder reads any JSON text. String scanning, character
dispatch, small dicts and lists. Checks: decoding the text gives back the
data, encoding that again gives the same text, and the text's digest
matches CPython's at the preset sizes.
"""
from _driver import WrongResult, expect, fingerprint, main

SIZES = {"small": 100, "quick": 500, "full": 2000}

# (length of the text, its digest), recorded from CPython 3.11 (where the
# text also equals json.dumps(data)).
EXPECTED = {
    100: (28233, 2000662213785169314),
    500: (141126, 940441393622118374),
    2000: (567359, 623473011141508039),
}

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def encode_string(s, out):
    out.append('"')
    for ch in s:
        if " " <= ch <= "~":
            out.append("\\\\" if ch == "\\" else '\\"' if ch == '"' else ch)
        elif ch in ESCAPES:
            out.append(ESCAPES[ch])
        else:
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
    out.append('"')


def encode_value(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        encode_string(value, out)
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, (list, tuple)):
        out.append("[")
        first = True
        for item in value:
            if not first:
                out.append(", ")
            first = False
            encode_value(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        first = True
        for key, item in value.items():
            if not first:
                out.append(", ")
            first = False
            encode_string(key, out)
            out.append(": ")
            encode_value(item, out)
        out.append("}")
    else:
        raise TypeError("cannot encode %r" % (value,))


def dumps(value):
    out = []
    encode_value(value, out)
    return "".join(out)


class Decoder:
    WHITESPACE = " \t\n\r"
    NUMBER_CHARS = "+-0123456789.eE"

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, what):
        raise ValueError("%s at offset %d" % (what, self.pos))

    def skip(self):
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in self.WHITESPACE:
            pos += 1
        self.pos = pos

    def value(self):
        self.skip()
        if self.pos >= len(self.text):
            self.fail("unexpected end")
        ch = self.text[self.pos]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "t" and self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if ch == "f" and self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        if ch == "n" and self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        return self.number()

    def object(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            if self.text[self.pos] != '"':
                self.fail("expected a key")
            key = self.string()
            self.skip()
            if self.text[self.pos] != ":":
                self.fail("expected ':'")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                self.fail("expected ',' or '}'")

    def array(self):
        self.pos += 1
        result = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch != ",":
                self.fail("expected ',' or ']'")

    def string(self):
        text = self.text
        pos = self.pos + 1
        parts = []
        while True:
            end = pos
            while text[end] != '"' and text[end] != "\\":
                end += 1
            parts.append(text[pos:end])
            if text[end] == '"':
                self.pos = end + 1
                return "".join(parts)
            kind = text[end + 1]
            if kind == "u":
                code = int(text[end + 2:end + 6], 16)
                pos = end + 6
                if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                    low = int(text[pos + 2:pos + 6], 16)
                    if 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        pos += 6
                parts.append(chr(code))
            elif kind in UNESCAPES:
                parts.append(UNESCAPES[kind])
                pos = end + 2
            else:
                self.pos = end
                self.fail("bad escape")

    def number(self):
        text, start = self.text, self.pos
        end = start
        while end < len(text) and text[end] in self.NUMBER_CHARS:
            end += 1
        if end == start:
            self.fail("unexpected character %r" % text[start])
        self.pos = end
        literal = text[start:end]
        if "." in literal or "e" in literal or "E" in literal:
            return float(literal)
        return int(literal)


def loads(text):
    decoder = Decoder(text)
    result = decoder.value()
    decoder.skip()
    if decoder.pos != len(text):
        decoder.fail("extra data")
    return result


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, k):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return (self.state >> 4) % k


SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "\u00e9t", "\u00fcb", "\u03bb\u03b1",
             "\u0436\u0438", "\u6f22", "\U0001f600", "a\"b", "c\\d", "e\nf", "\t", "x/y"]


def word(rng):
    return "".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(1 + rng.below(4)))


def record(rng, i):
    return {
        "id": i,
        "name": word(rng),
        "score": (rng.below(2000000) - 1000000) / 1024.0,
        "ratio": rng.below(1000) * 1.5e-7,
        "big": rng.below(1 << 24) << 40,
        "active": rng.below(2) == 1,
        "parent": None if rng.below(3) == 0 else rng.below(i + 1),
        "tags": [word(rng) for _ in range(rng.below(5))],
        "position": {"x": rng.below(1000) - 500, "y": rng.below(1000) / 8, "label": word(rng)},
        "history": [[rng.below(100), word(rng)] for _ in range(rng.below(3))],
    }


DATA = {}


def setup(n):
    rng = Lcg(7)
    DATA[n] = {"version": 3, "records": [record(rng, i) for i in range(n)], "empty": {}, "none": []}


def run(n):
    data = DATA[n]
    text = dumps(data)
    decoded = loads(text)
    return text, decoded, dumps(decoded)


def check(n, result):
    text, decoded, again = result
    if decoded != DATA[n]:
        raise WrongResult("decoding the encoded data gave something else")
    expect("length of the re-encoded text", len(again), len(text))
    if again != text:
        raise WrongResult("re-encoding gave a different text")
    if n in EXPECTED:
        expect("text at size %d" % n, (len(text), fingerprint(text)), EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES, setup)
