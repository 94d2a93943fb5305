# A task scheduler in the spirit of the classic Richards benchmark (own version).
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
class Packet:
    def __init__(self, link, ident, kind):
        self.link, self.ident, self.kind = link, ident, kind
        self.datum = 0
        self.data = [0] * 4
    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue
class Task:
    def __init__(self, sched, ident, prio, queue, fn, state):
        self.sched, self.ident, self.prio = sched, ident, prio
        self.queue, self.fn, self.state = queue, fn, state
        self.waiting = queue is None
        self.held = False
        self.runs = 0
    def runnable(self):
        return not self.held and not (self.waiting and self.queue is None)
class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.current = None
        self.hold_count = 0
        self.queue_count = 0
        self.trace = []
    def add(self, ident, prio, queue, fn, state):
        self.tasks[ident] = Task(self, ident, prio, queue, fn, state)
    def pick(self):
        ready = [t for t in self.tasks.values() if t.runnable()]
        if not ready:
            return None
        return max(ready, key=lambda t: (t.prio, -t.ident))
    def run(self, limit):
        steps = 0
        while steps < limit:
            t = self.pick()
            if t is None:
                break
            self.current = t
            pkt = None
            if t.waiting and t.queue is not None:
                pkt = t.queue
                t.queue = pkt.link
                t.waiting = t.queue is None and False
            t.runs += 1
            t.fn(self, t, pkt)
            steps += 1
        return steps
    def hold(self, t):
        self.hold_count += 1
        t.held = True
    def release(self, ident):
        other = self.tasks[ident]
        other.held = False
    def wait(self, t):
        t.waiting = True
    def send(self, pkt, dest):
        self.queue_count += 1
        target = self.tasks[dest]
        pkt.link = None
        pkt.ident = self.current.ident
        target.queue = pkt.append_to(target.queue)
        target.waiting = True
def idle_fn(s, t, pkt):
    t.state["count"] -= 1
    if t.state["count"] == 0:
        s.hold(t)
        return
    v = t.state["seed"]
    if v & 1 == 0:
        t.state["seed"] = v >> 1
        s.release(DEVICE_A)
    else:
        t.state["seed"] = (v >> 1) ^ 0xD008
        s.release(DEVICE_B)
def worker_fn(s, t, pkt):
    if pkt is None:
        s.wait(t)
        return
    dest = HANDLER_A if t.state["dest"] == HANDLER_B else HANDLER_B
    t.state["dest"] = dest
    pkt.datum = 0
    for i in range(4):
        t.state["char"] = t.state["char"] % 26 + 1
        pkt.data[i] = t.state["char"]
    s.trace.append(("W", dest, tuple(pkt.data)))
    s.send(pkt, dest)
def handler_fn(s, t, pkt):
    if pkt is not None:
        t.state["store"].append(pkt)
    store = t.state["store"]
    if store:
        p = store.pop(0)
        s.trace.append(("H", t.ident, p.data[p.datum % 4]))
        p.datum += 1
        if p.datum < 4:
            store.insert(0, p)
        dev = DEVICE_A if t.ident == HANDLER_A else DEVICE_B
        s.release(dev)
    else:
        s.wait(t)
def device_fn(s, t, pkt):
    t.state["handled"] += 1 if pkt else 0
    s.hold(t)
s = Scheduler()
s.add(IDLE, 0, None, idle_fn, {"count": 300, "seed": 1})
wq = Packet(None, 0, KIND_WORK)
wq = Packet(wq, 0, KIND_WORK)
s.add(WORKER, 1000, wq, worker_fn, {"dest": HANDLER_A, "char": 0})
s.add(HANDLER_A, 2000, None, handler_fn, {"store": []})
s.add(HANDLER_B, 3000, None, handler_fn, {"store": []})
s.add(DEVICE_A, 4000, None, device_fn, {"handled": 0})
s.add(DEVICE_B, 5000, None, device_fn, {"handled": 0})
s.tasks[WORKER].waiting = True
steps = s.run(20000)
print("steps", steps, "holds", s.hold_count, "queued", s.queue_count)
print("runs", {i: t.runs for i, t in sorted(s.tasks.items())})
print("trace head", s.trace[:6])
print("trace len", len(s.trace), "checksum", sum(hash(x) & 0xFFFF for x in s.trace if isinstance(x[2], int)) % 100003)
