# NodeVisitor / NodeTransformer and compile() of the changed tree, trees
# built by hand in every mode, and constants only an AST can hold.
import ast


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "old":
            return ast.copy_location(ast.Name("new", node.ctx), node)
        return node

    def visit_Pass(self, node):
        return None  # removed


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.counts = {}

    def generic_visit(self, node):
        name = type(node).__name__
        self.counts[name] = self.counts.get(name, 0) + 1
        super().generic_visit(node)


src = "total = 0\nfor i in range(3):\n    total += i * 10\nprint(total, (1, 2))\n"
tree = Doubler().visit(ast.parse(src))
code = compile(tree, "<doubled>", "exec")
exec(code, {})

tree = ast.parse("new = 7\nold = old + 1 if False else 3\nprint(old, new)\nif True:\n    pass\n    x = 1\n")
tree = ast.fix_missing_locations(Renamer().visit(tree))
exec(compile(tree, "<renamed>", "exec"), {})

c = Counter()
c.visit(ast.parse("def f(x):\n    return [y for y in x if y]\n"))
print(sorted(c.counts.items()))

# Built by hand.
expr = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(expr), "<e>", "eval")))
mod = ast.Module(body=[
    ast.FunctionDef(name="f", args=ast.arguments(posonlyargs=[], args=[ast.arg("a")], vararg=None,
                                                 kwonlyargs=[], kw_defaults=[], kwarg=None,
                                                 defaults=[ast.Constant(5)]),
                    body=[ast.Return(ast.BinOp(ast.Name("a", ast.Load()), ast.Add(), ast.Constant(1)))],
                    decorator_list=[], returns=None),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()),
                      [ast.Call(ast.Name("f", ast.Load()), [], []),
                       ast.Call(ast.Name("f", ast.Load()), [ast.Constant(10)], [])], [])),
], type_ignores=[])
ns = {}
exec(compile(ast.fix_missing_locations(mod), "<hand>", "exec"), ns)
print(ns["f"].__name__, ns["f"].__defaults__)
single = ast.Interactive([ast.Expr(ast.Constant("shown by the single mode"))])
exec(compile(ast.fix_missing_locations(single), "<single>", "single"))

# Constants only an AST can hold: tuples (nested) and complex numbers.
for value in [(1, (2, "x"), None), 3 + 4j, -0.5j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -0.0),
              complex(-2.5, -0.0), complex(1e300, float("inf")), (), ("a",), 10 ** 30, -7, b"\x00", "é\udc80"]:
    e = ast.fix_missing_locations(ast.Expression(ast.Constant(value)))
    got = eval(compile(e, "<c>", "eval"))
    print(repr(got), got == value)

# Tracebacks point into the tree's positions.
tree = ast.parse("x = 1\ny = x / 0\n")
try:
    exec(compile(tree, "<tb>", "exec"), {})
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(type(e).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_filename)

# The tree is not changed by compiling it, and can be compiled again.
tree = ast.parse("a = [1, 2]\nprint(sum(a))")
before = ast.dump(tree, include_attributes=True)
exec(compile(tree, "<1>", "exec"), {})
exec(compile(tree, "<2>", "exec"), {})
print(ast.dump(tree, include_attributes=True) == before)

# Pattern matching on node classes (__match_args__ are the fields).
for node in ast.parse("a + 1\nf(x)\nb").body:
    match node.value:
        case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(v)):
            print("add", id, v)
        case ast.Call(func=ast.Name(id=fn), args=[ast.Name(id=arg)]):
            print("call", fn, arg)
        case ast.Name(id=n):
            print("name", n)
