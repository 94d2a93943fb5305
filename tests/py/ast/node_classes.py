# The node classes of _ast: hierarchy, _fields/_attributes/__match_args__,
# docs, defaults, the constructor's arguments and errors, copy and pickle.
import _ast
import ast
import copy
import pickle

names = sorted(n for n in dir(_ast) if not n.startswith("__"))
print(len(names), names)
for name in ["AST", "mod", "Module", "stmt", "FunctionDef", "expr", "BinOp", "Constant", "ImportFrom",
             "operator", "Add", "expr_context", "Load", "cmpop", "comprehension", "arguments", "arg",
             "keyword", "alias", "withitem", "match_case", "pattern", "MatchAs", "type_ignore",
             "TypeIgnore", "excepthandler", "ExceptHandler"]:
    cls = getattr(ast, name)
    print(name, [b.__name__ for b in cls.__mro__], cls._fields, cls._attributes, cls.__match_args__,
          cls.__module__)
    print("  ", repr(cls.__doc__))
    print("  ", sorted(k for k, v in vars(cls).items() if v is None and not k.startswith("__")))
print(ast.AST.__doc__, type(ast.BinOp) is type, ast.Add() is ast.Add())

# Constructor.
n = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))
print(ast.dump(n), vars(n).keys())
n = ast.Name("x", ast.Load(), lineno=3, col_offset=1, extra="kept")
print(n.id, n.lineno, n.extra, n.end_lineno, n.end_col_offset)
print(ast.Name().__dict__, ast.Return().value, ast.Constant(1).kind, ast.ImportFrom().level)
for make in [lambda: ast.BinOp(1, 2, 3, 4), lambda: ast.BinOp(1, left=3), lambda: ast.Pass(1),
             lambda: ast.Name("x", "y", "z"), lambda: ast.Name().lineno, lambda: ast.Name().id,
             lambda: ast.AST(1)]:
    try:
        make()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(ast.AST(a=1).a)

# Subclasses of node classes.
class MyName(ast.Name):
    _fields = ("id", "ctx", "note")
m = MyName("v", ast.Load(), "n")
print(m.note, isinstance(m, ast.expr), ast.dump(m))

# copy, deepcopy, pickle, __reduce__.
tree = ast.parse("x = [1, 2]")
print(ast.dump(copy.deepcopy(tree), include_attributes=True))
print(ast.dump(pickle.loads(pickle.dumps(tree)), include_attributes=True))
print(ast.Name("x").__reduce__())
c = copy.copy(tree.body[0])
print(c is not tree.body[0], c.targets is tree.body[0].targets)

# The deprecated aliases of ast.py still work on top of Constant.
num = ast.Num(5)
print(type(num).__name__, num.n, isinstance(ast.Constant(3), ast.Num), isinstance(ast.Constant("s"), ast.Str))

# AST.__new__ takes any arguments (ast.py's Num/Str call Constant.__new__).
class N(ast.Num):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.z = "spam"


n = N(42)
print(n.n, n.z, type(n).__name__, isinstance(n, ast.Num), isinstance(ast.Num(42), N), N(n=42).n)
print(type(ast.AST.__new__(ast.Name, 1, x=2)).__name__)
for args in [(int,), (), (3,)]:
    try:
        ast.AST.__new__(*args)
    except TypeError as e:
        print("TypeError", e)
