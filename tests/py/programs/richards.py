# A priority task scheduler with packets circulating between tasks, in the
# spirit of the classic Richards benchmark (an independent, simplified version).
class Packet:
    def __init__(self, ident):
        self.ident = ident
        self.data = [0, 0, 0, 0]
        self.hops = 0
class Task:
    def __init__(self, name, prio):
        self.name, self.prio = name, prio
        self.inbox = []
        self.runs = 0
    def runnable(self):
        return bool(self.inbox)
class Idle(Task):
    def __init__(self, name, prio, count):
        super().__init__(name, prio)
        self.count = count
        self.seed = 1
    def runnable(self):
        return self.count > 0
    def step(self, sched):
        self.count -= 1
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            sched.send("tick", "devB")
        else:
            self.seed >>= 1
            sched.send("tick", "devA")
class Worker(Task):
    def __init__(self, name, prio):
        super().__init__(name, prio)
        self.dest = "hB"
        self.char = 0
    def step(self, sched):
        pkt = self.inbox.pop(0)
        self.dest = "hA" if self.dest == "hB" else "hB"
        for i in range(4):
            self.char = self.char % 26 + 1
            pkt.data[i] = self.char
        pkt.hops += 1
        sched.send(pkt, self.dest)
class Handler(Task):
    def __init__(self, name, prio, device):
        super().__init__(name, prio)
        self.device = device
        self.done = 0
        self.total = 0
    def step(self, sched):
        msg = self.inbox.pop(0)
        msg.hops += 1
        if getattr(msg, "processed", False):
            msg.processed = False
            self.done += 1
            self.total += sum(msg.data)
            sched.send(msg, "worker")
        else:
            sched.send(msg, self.device)
class Device(Task):
    def __init__(self, name, prio, handler):
        super().__init__(name, prio)
        self.handler = handler
        self.pending = []
        self.ticks = 0
    def step(self, sched):
        msg = self.inbox.pop(0)
        if msg == "tick":
            self.ticks += 1
            if self.pending:
                pkt = self.pending.pop(0)
                pkt.processed = True
                pkt.data = [(d * 7 + self.ticks) % 97 for d in pkt.data]
                sched.send(pkt, self.handler)
        else:
            msg.hops += 1
            self.pending.append(msg)
class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.sent = 0
        self.log = []
    def add(self, task):
        self.tasks[task.name] = task
    def send(self, msg, dest):
        self.sent += 1
        self.tasks[dest].inbox.append(msg)
    def run(self):
        steps = 0
        while True:
            ready = [t for t in self.tasks.values() if t.runnable()]
            if not ready:
                return steps
            t = max(ready, key=lambda t: t.prio)
            t.runs += 1
            t.step(self)
            steps += 1
            if steps % 500 == 0:
                self.log.append((steps, t.name))
s = Scheduler()
s.add(Idle("idle", 0, 1000))
s.add(Worker("worker", 10))
s.add(Handler("hA", 20, "devA"))
s.add(Handler("hB", 30, "devB"))
s.add(Device("devA", 40, "hA"))
s.add(Device("devB", 50, "hB"))
for i in range(3):
    s.tasks["worker"].inbox.append(Packet(i))
steps = s.run()
print("steps", steps, "messages", s.sent)
for name, t in s.tasks.items():
    extra = ""
    if isinstance(t, Handler):
        extra = f" done={t.done} total={t.total}"
    if isinstance(t, Device):
        extra = f" ticks={t.ticks} pending={len(t.pending)}"
    print(f"{name:7} runs={t.runs}{extra}")
print("log", s.log)
