g = {"x": "global"}
l = {"x": "local"}
exec("print(x)", g, l)
exec("print(x)", g)
exec("def f(): return x\nprint(f())", g, l)
exec("y = 1\ndef h(): return y\ntry:\n    print(h())\nexcept NameError as e:\n    print('NameError', e)", {}, {})
exec("z = 1\ndef k(): return z\nprint(k())", {})
exec("class C:\n    a = x\n    def m(self): return x\nprint(C.a, C().m())", g, l)
exec("print([x for _ in range(1)])", g, l)
exec("print([v for v in range(2)], 'v' in dir())", g, {})
exec("lam = lambda: x\nprint(lam())", g, l)
