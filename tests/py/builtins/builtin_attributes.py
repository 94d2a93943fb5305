print(len.__name__, len.__qualname__, len.__module__, print.__name__, type(len).__name__)
m = [].append
print(m.__name__, m.__qualname__, type(m.__self__).__name__, type(m).__name__)
print(str.join.__name__, str.join.__qualname__, type(str.join).__name__, str.join.__objclass__)
print(int.__add__.__name__, type(int.__add__).__name__, int.__add__.__qualname__, (1).__add__.__self__)
print(dict.fromkeys.__name__, type(dict.__dict__["fromkeys"]).__name__, type({}.keys).__name__)
print(callable(len), len.__self__.__name__ if hasattr(len, "__self__") else None)
print(sorted(n for n in dir(len) if not n.startswith("__")))
