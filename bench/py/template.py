"""Template engine: a small Jinja-like language -- {{ a.b|filter }},
{% for %} with loop.index, {% if %}/{% elif %}/{% else %}, {# comments #}
-- compiled into a node tree and rendered over a product catalogue
(docs/bench.md).

Scanning with str.find, a recursive parser, dynamic lookups through dicts
and attributes, and a list of output pieces joined at the end. The page
must equal the one a hand-written function builds with f-strings, and its
digest CPython's at the preset sizes.
"""
from _driver import WrongResult, expect, fingerprint, main

SIZES = {"small": 300, "quick": 5000, "full": 15000}

# (length, digest) of the page, recorded from CPython 3.11.
EXPECTED = {
    300: (46237, 1232135271485673865),
    5000: (779625, 1211739951279342817),
    15000: (2353005, 221544095532160386),
}

PAGE = """<html><head><title>{{ shop.name|upper }}</title></head>
<body>
{# the catalogue: one row per product #}
<h1>{{ shop.name|escape }} ({{ products|length }} products)</h1>
<table>
{% for p in products %}<tr class="{% if loop.index is even %}even{% else %}odd{% endif %}">
  <td>{{ loop.index }}</td><td>{{ p.name|escape }}</td><td>{{ p.price|money }}</td>
  <td>{% if p.stock > 10 %}in stock{% elif p.stock > 0 %}only {{ p.stock }} left{% else %}sold out{% endif %}</td>
  <td>{% for t in p.tags %}<span>{{ t|title }}</span>{% endfor %}</td>
</tr>
{% endfor %}</table>
{% if not products %}<p>Nothing for sale.</p>{% endif %}
<p>{{ shop.footer|lower }}</p>
</body></html>
"""


class TemplateError(Exception):
    pass


def escape(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


FILTERS = {
    "upper": lambda v: str(v).upper(),
    "lower": lambda v: str(v).lower(),
    "title": lambda v: str(v).title(),
    "escape": escape,
    "length": len,
    "money": lambda v: "%.2f EUR" % v,
}


def lookup(ctx, path):
    parts = path.split(".")
    for scope in reversed(ctx):
        if parts[0] in scope:
            value = scope[parts[0]]
            break
    else:
        raise TemplateError("undefined name %r" % parts[0])
    for part in parts[1:]:
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value


class Text:
    def __init__(self, text):
        self.text = text

    def render(self, ctx, out):
        out.append(self.text)


class Var:
    def __init__(self, source):
        path, *filters = [s.strip() for s in source.split("|")]
        self.path = path
        for f in filters:
            if f not in FILTERS:
                raise TemplateError("unknown filter %r" % f)
        self.filters = [FILTERS[f] for f in filters]

    def render(self, ctx, out):
        value = lookup(ctx, self.path)
        for f in self.filters:
            value = f(value)
        out.append(str(value))


class Condition:
    """NAME, not NAME, NAME is even, NAME > INT, NAME == INT."""

    def __init__(self, source):
        words = source.split()
        self.negate = words[0] == "not"
        if self.negate:
            words = words[1:]
        self.path = words[0]
        self.op = None
        if len(words) == 3:
            self.op = words[1] + " " + words[2] if words[1] == "is" else words[1]
            if words[1] != "is":
                self.operand = int(words[2])

    def test(self, ctx):
        value = lookup(ctx, self.path)
        op = self.op
        if op is None:
            result = bool(value)
        elif op == "is even":
            result = value % 2 == 0
        elif op == ">":
            result = value > self.operand
        elif op == "==":
            result = value == self.operand
        else:
            raise TemplateError("unknown test %r" % op)
        return not result if self.negate else result


class If:
    def __init__(self):
        self.branches = []  # (Condition, body)
        self.otherwise = []

    def render(self, ctx, out):
        for condition, body in self.branches:
            if condition.test(ctx):
                for node in body:
                    node.render(ctx, out)
                return
        for node in self.otherwise:
            node.render(ctx, out)


class Loop:
    __slots__ = ("index", "length")


class For:
    def __init__(self, source):
        words = source.split()
        if len(words) != 3 or words[1] != "in":
            raise TemplateError("bad for: %r" % source)
        self.name, self.path = words[0], words[2]
        self.body = []

    def render(self, ctx, out):
        items = lookup(ctx, self.path)
        loop = Loop()
        loop.length = len(items)
        scope = {"loop": loop}
        ctx.append(scope)
        for i, item in enumerate(items):
            loop.index = i + 1
            scope[self.name] = item
            for node in self.body:
                node.render(ctx, out)
        ctx.pop()


def tokens(source):
    """Yields (kind, text): kind is 'text', 'var' or 'tag'."""
    pos = 0
    while pos < len(source):
        start = source.find("{", pos)
        while start != -1 and source[start + 1:start + 2] not in ("{", "%", "#"):
            start = source.find("{", start + 1)
        if start == -1:
            yield "text", source[pos:]
            return
        if start > pos:
            yield "text", source[pos:start]
        closer = {"{": "}}", "%": "%}", "#": "#}"}[source[start + 1]]
        end = source.find(closer, start + 2)
        if end == -1:
            raise TemplateError("unclosed %r at %d" % (source[start:start + 2], start))
        kind = source[start + 1]
        if kind == "{":
            yield "var", source[start + 2:end].strip()
        elif kind == "%":
            yield "tag", source[start + 2:end].strip()
        pos = end + 2


def compile_template(source):
    root = []
    stack = [(None, root)]  # (block node, where its nodes go)
    for kind, text in tokens(source):
        body = stack[-1][1]
        if kind == "text":
            body.append(Text(text))
        elif kind == "var":
            body.append(Var(text))
        else:
            word, _, rest = text.partition(" ")
            if word == "for":
                node = For(rest)
                body.append(node)
                stack.append((node, node.body))
            elif word == "if":
                node = If()
                node.branches.append((Condition(rest), []))
                body.append(node)
                stack.append((node, node.branches[-1][1]))
            elif word in ("elif", "else"):
                node = stack.pop()[0]
                if not isinstance(node, If):
                    raise TemplateError("%s outside if" % word)
                if word == "elif":
                    node.branches.append((Condition(rest), []))
                    stack.append((node, node.branches[-1][1]))
                else:
                    stack.append((node, node.otherwise))
            elif word in ("endfor", "endif"):
                node = stack.pop()[0]
                if not isinstance(node, For if word == "endfor" else If):
                    raise TemplateError("unexpected %s" % word)
            else:
                raise TemplateError("unknown tag %r" % word)
    if len(stack) != 1:
        raise TemplateError("unclosed block")
    return root


def render(source, context):
    out = []
    ctx = [context]
    for node in compile_template(source):
        node.render(ctx, out)
    return "".join(out)


class Product:
    def __init__(self, i):
        self.name = "%s <%d> & co" % (["lamp", "chair", "desk", "shelf", "rug"][i % 5], i)
        self.price = (i * 7919 % 100000) / 100.0
        self.stock = (i * 13) % 23
        self.tags = [["new", "sale", "eco friendly", "limited", "classic"][(i + k) % 5] for k in range(i % 4)]


def catalogue(n):
    return {"shop": {"name": "Pyrite & Sons", "footer": "PRICES INCLUDE VAT"},
            "products": [Product(i) for i in range(n)]}


def by_hand(context):
    """The page PAGE describes, written directly."""
    shop, products = context["shop"], context["products"]
    out = [f"<html><head><title>{shop['name'].upper()}</title></head>\n<body>\n\n"
           f"<h1>{escape(shop['name'])} ({len(products)} products)</h1>\n<table>\n"]
    for i, p in enumerate(products, 1):
        if p.stock > 10:
            stock = "in stock"
        elif p.stock > 0:
            stock = f"only {p.stock} left"
        else:
            stock = "sold out"
        tags = "".join(f"<span>{t.title()}</span>" for t in p.tags)
        out.append(f'<tr class="{"even" if i % 2 == 0 else "odd"}">\n'
                   f"  <td>{i}</td><td>{escape(p.name)}</td><td>{p.price:.2f} EUR</td>\n"
                   f"  <td>{stock}</td>\n  <td>{tags}</td>\n</tr>\n")
    out.append("</table>\n")
    if not products:
        out.append("<p>Nothing for sale.</p>")
    out.append(f"\n<p>{shop['footer'].lower()}</p>\n</body></html>\n")
    return "".join(out)


DATA = {}


def setup(n):
    DATA[n] = catalogue(n)


def run(n):
    return render(PAGE, DATA[n])


def check(n, page):
    expect("rows", page.count("<tr class="), n)
    want = by_hand(DATA[n])
    if page != want:
        at = next(i for i in range(min(len(page), len(want)) + 1) if page[i:i + 1] != want[i:i + 1])
        raise WrongResult("the page differs from the hand-built one at %d: %r" % (at, page[at:at + 60]))
    if n in EXPECTED:
        expect("page at size %d" % n, (len(page), fingerprint(page)), EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES, setup)
