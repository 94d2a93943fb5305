def grep(pattern):
    print("looking for", pattern)
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print("matches:", matches)
        raise
g = grep("py")
next(g)
for line in ["python", "ruby", "pypy", "java"]:
    g.send(line)
g.close()
def pipeline_source(items, target):
    for it in items:
        target.send(it)
    target.close()
def upper(target):
    try:
        while True:
            target.send((yield).upper())
    except GeneratorExit:
        target.close()
def printer():
    try:
        while True:
            print("printer:", (yield))
    except GeneratorExit:
        print("printer closed")
p = printer(); next(p)
u = upper(p); next(u)
pipeline_source(["a", "b"], u)
def averager():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        if term is None:
            return (count, avg)
        total += term
        count += 1
        avg = total / count
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, values in [("girls", [40.9, 38.5, 44.3]), ("boys", [39.0, 40.8])]:
    group = grouper(results, key)
    next(group)
    for v in values:
        group.send(v)
    group.send(None)
print(sorted(results.items()))
