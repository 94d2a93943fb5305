def evaluate(expr, env):
    match expr:
        case ("num", n):
            return n
        case ("var", name):
            return env[name]
        case ("add", l, r):
            return evaluate(l, env) + evaluate(r, env)
        case ("mul", l, r):
            return evaluate(l, env) * evaluate(r, env)
        case ("let", name, val, body):
            return evaluate(body, {**env, name: evaluate(val, env)})
        case ("if", c, t, e):
            return evaluate(t if evaluate(c, env) else e, env)
        case _:
            raise ValueError(f"bad expr {expr!r}")
e = ("let", "x", ("num", 5), ("add", ("mul", ("var", "x"), ("var", "x")), ("num", 1)))
print(evaluate(e, {}))
print(evaluate(("if", ("num", 0), ("num", 1), ("num", 2)), {}))
try:
    evaluate(("pow", 1, 2), {})
except ValueError as err:
    print(err)
def simplify(e):
    match e:
        case ("add", ("num", 0), x) | ("add", x, ("num", 0)):
            return simplify(x)
        case ("mul", ("num", 1), x) | ("mul", x, ("num", 1)):
            return simplify(x)
        case ("mul", ("num", 0), _) | ("mul", _, ("num", 0)):
            return ("num", 0)
        case (op, l, r):
            return (op, simplify(l), simplify(r))
        case _:
            return e
print(simplify(("add", ("num", 0), ("mul", ("var", "y"), ("num", 1)))))
print(simplify(("add", ("mul", ("num", 0), ("var", "q")), ("var", "z"))))
