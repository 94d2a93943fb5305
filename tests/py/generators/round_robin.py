def task(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        yield
    return f"{name} finished after {n}"
def scheduler(tasks):
    queue = list(tasks)
    results = []
    while queue:
        t = queue.pop(0)
        try:
            next(t)
            queue.append(t)
        except StopIteration as e:
            results.append(e.value)
    return results
print(scheduler([task("A", 3), task("B", 1), task("C", 2)]))
def ping_pong(n):
    def player(name, other_box, my_box):
        while True:
            msg = yield
            print(name, "got", msg)
    p = player("ping", None, None)
    q = player("pong", None, None)
    next(p); next(q)
    for i in range(n):
        p.send(f"ball {i}")
        q.send(f"ball {i}")
ping_pong(2)
