def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return undefined_default
print("start")
lookup({}, "missing")
