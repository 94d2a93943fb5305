# ast.literal_eval: every literal kind, containers, signed and complex
# numbers, and the errors for what is not a literal.
import ast

GOOD = ["1", "-1", "+2", "1.5", "-0.0", "1e300", "2j", "1+2j", "-1-2j", "'s'", "b'b'", "u'u'",
        "'a' 'b'", "None", "True", "False", "...", "[1, [2, (3,)]]", "(1,)", "()", "{1: 'a', 'b': [2]}",
        "{1, 2, 3}", "set()", "  42", "\t[1]", "0x10", "1_000_000", "10**0" if False else "0o17",
        "123456789012345678901234567890", "-(1)", "(-1)"]
for src in GOOD:
    v = ast.literal_eval(src)
    print(repr(src), "->", repr(v), type(v).__name__)

BAD = ["x", "1 + x", "f()", "[x]", "{**d}", "1 if 2 else 3", "-'s'", "1 + 'a'", "2 ** 3", "a.b",
       "lambda: 1", "{1: 2, **x}", "set([1])", "'a' + 'b'", "1+2+3j", "()()", "(1)(2)"]
for src in BAD:
    try:
        print(repr(src), "->", ast.literal_eval(src))
    except ValueError as e:
        print(repr(src), "ValueError", str(e).split(" at 0x")[0])

for src in ["1 +", "[1,"]:
    try:
        ast.literal_eval(src)
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)

# A node may be passed instead of a string.
print(ast.literal_eval(ast.parse("[1, (2, 3)]", mode="eval")))
print(ast.literal_eval(ast.Constant(value=5)))
print(ast.literal_eval(ast.parse("{'k': -3.5}", mode="eval").body))
