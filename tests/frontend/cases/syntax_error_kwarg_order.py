f(key=1, positional)
