# A JSON-like parser and pretty printer (own implementation, no json module).
class ParseError(Exception):
    pass
class Parser:
    def __init__(self, text):
        self.s, self.i = text, 0
    def error(self, msg):
        raise ParseError(f"{msg} at offset {self.i}")
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\r\n":
            self.i += 1
    def parse(self):
        v = self.value()
        self.ws()
        if self.i != len(self.s):
            self.error("trailing data")
        return v
    def value(self):
        self.ws()
        if self.i >= len(self.s):
            self.error("unexpected end")
        c = self.s[self.i]
        if c == "{": return self.obj()
        if c == "[": return self.arr()
        if c == '"': return self.string()
        for lit, val in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(lit, self.i):
                self.i += len(lit)
                return val
        return self.number()
    def obj(self):
        self.i += 1
        out = {}
        self.ws()
        if self.s[self.i] == "}":
            self.i += 1
            return out
        while True:
            self.ws()
            if self.s[self.i] != '"':
                self.error("expected string key")
            k = self.string()
            self.ws()
            if self.s[self.i] != ":":
                self.error("expected ':'")
            self.i += 1
            out[k] = self.value()
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "}":
                return out
            if c != ",":
                self.error("expected ',' or '}'")
    def arr(self):
        self.i += 1
        out = []
        self.ws()
        if self.s[self.i] == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "]":
                return out
            if c != ",":
                self.error("expected ',' or ']'")
    def string(self):
        self.i += 1
        out = []
        esc = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "r": "\r"}
        while True:
            if self.i >= len(self.s):
                self.error("unterminated string")
            c = self.s[self.i]
            self.i += 1
            if c == '"':
                return "".join(out)
            if c == "\\":
                e = self.s[self.i]
                self.i += 1
                if e == "u":
                    out.append(chr(int(self.s[self.i:self.i + 4], 16)))
                    self.i += 4
                else:
                    out.append(esc[e])
            else:
                out.append(c)
    def number(self):
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-0123456789.eE":
            self.i += 1
        text = self.s[start:self.i]
        if not text:
            self.error("unexpected character " + repr(self.s[self.i]))
        return float(text) if any(c in text for c in ".eE") else int(text)
def dump(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [f'{pad}  {dump_str(k)}: {dump(x, indent + 1)}' for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        if all(not isinstance(x, (dict, list)) for x in v):
            return "[" + ", ".join(dump(x) for x in v) + "]"
        return "[\n" + ",\n".join(pad + "  " + dump(x, indent + 1) for x in v) + "\n" + pad + "]"
    if isinstance(v, str):
        return dump_str(v)
    if v is True: return "true"
    if v is False: return "false"
    if v is None: return "null"
    return repr(v)
def dump_str(s):
    out = ['"']
    for c in s:
        if c == '"': out.append('\\"')
        elif c == "\\": out.append("\\\\")
        elif c == "\n": out.append("\\n")
        elif c == "\t": out.append("\\t")
        elif ord(c) < 0x20 or ord(c) > 0x7e: out.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c)
        else: out.append(c)
    out.append('"')
    return "".join(out)
DOC = '''{"name": "pyrite", "version": [3, 11, 0], "stable": false, "ratio": 0.75, "big": 12345678901234567890,
 "tags": ["jit", "gc", {"nested": {"deep": [1, [2, [3, []]]], "empty": {}}}],
 "text": "line1\\nline2 \\"quoted\\" caf\\u00e9 \\\\ tab\\t", "none": null, "sci": 1.5e-3, "neg": -42}'''
v = Parser(DOC).parse()
print(dump(v))
print(Parser(dump(v)).parse() == v)
for bad in ['{"a" 1}', '[1, 2', '{"a": tru}', '"unterminated', '[1] x', '{1: 2}']:
    try:
        Parser(bad).parse()
    except (ParseError, IndexError) as e:
        print(repr(bad), "->", type(e).__name__, e)
