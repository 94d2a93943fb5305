class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []
    def set_result(self, r):
        self.done, self.result = True, r
        for cb in self.callbacks:
            cb()
    def __await__(self):
        if not self.done:
            yield self
        return self.result
class Loop:
    def __init__(self):
        self.ready = []
        self.time = 0
        self.timers = []
        self.log = []
    def spawn(self, coro, name):
        self.ready.append((coro, None, name))
    def sleep(self, delay):
        f = Future()
        self.timers.append((self.time + delay, len(self.timers), f))
        return f
    def run(self):
        while self.ready or self.timers:
            while self.ready:
                coro, val, name = self.ready.pop(0)
                try:
                    fut = coro.send(val)
                except StopIteration as e:
                    self.log.append((self.time, name, "finished", e.value))
                    continue
                fut.callbacks.append(lambda c=coro, f=fut, n=name: self.ready.append((c, f.result, n)))
            if self.timers:
                self.timers.sort()
                t, _, f = self.timers.pop(0)
                self.time = t
                f.set_result(f"woke at {t}")
loop = Loop()
async def worker(name, delays):
    out = []
    for d in delays:
        msg = await loop.sleep(d)
        out.append(msg)
        print(f"t={loop.time} {name}: {msg}")
    return out
loop.spawn(worker("A", [3, 3]), "A")
loop.spawn(worker("B", [1, 1, 1, 5]), "B")
loop.spawn(worker("C", [4]), "C")
loop.run()
for entry in loop.log:
    print(entry)
