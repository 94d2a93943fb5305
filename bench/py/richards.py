"""Richards: Martin Richards's operating-system simulation (docs/bench.md).

Six tasks (an idle task, a worker, two handlers, two devices) pass packets
through a priority scheduler; the workload is the classic one (the idle task
runs 10000 times), after which the scheduler must have queued 23246
packets and held a task 9297 times. Method calls on small objects, attribute
reads and writes, and linked lists: the object-oriented interpreter path.
"""
import sys

from _driver import expect, main

SIZES = {"small": 1, "quick": 1, "full": 6}

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4
IDLE_COUNT = 10000
WANT_QUEUED, WANT_HELD = 23246, 9297

# Task states are bits: a packet waits in the queue, the task waits for a
# packet, the task is held.
PACKET_PENDING, WAITING, HELD = 1, 2, 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Puts this packet at the end of queue; returns the queue's head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = WAITING if queue is None else WAITING | PACKET_PENDING
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.by_ident[ident] = self

    def blocked(self):
        return self.state & HELD != 0 or self.state == WAITING

    def step(self):
        if self.state == WAITING | PACKET_PENDING:
            packet = self.queue
            self.queue = packet.link
            self.state = 0 if self.queue is None else PACKET_PENDING
        else:
            packet = None
        return self.run(packet)

    def receive(self, current, packet):
        """Queues packet here; returns the task that runs next."""
        if self.queue is None:
            self.queue = packet
            self.state |= PACKET_PENDING
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current


class IdleTask(Task):
    def __init__(self, scheduler, count):
        Task.__init__(self, scheduler, IDLE, 0, None)
        self.state = 0
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.scheduler.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        Task.__init__(self, scheduler, WORKER, 1000, queue)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.count = 0
        data = packet.data
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return self.scheduler.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            count = work.count
            if count < DATA_SIZE:
                device = self.devices
                if device is not None:
                    self.devices = device.link
                    device.count = work.data[count]
                    work.count = count + 1
                    return self.scheduler.queue_packet(device)
            else:
                self.work = work.link
                return self.scheduler.queue_packet(work)
        return self.scheduler.wait_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.scheduler.wait_current()
            self.pending = None
            return self.scheduler.queue_packet(pending)
        self.pending = packet
        return self.scheduler.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = None  # highest priority first: each new task is pushed in front
        self.by_ident = {}
        self.current = None
        self.queued = 0
        self.held = 0

    def schedule(self):
        task = self.current = self.tasks
        while task is not None:
            if task.blocked():
                task = task.link
            else:
                self.current = task
                task = task.step()

    def release(self, ident):
        task = self.by_ident[ident]
        task.state &= ~HELD
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_current(self):
        self.held += 1
        self.current.state |= HELD
        return self.current.link

    def wait_current(self):
        self.current.state |= WAITING
        return self.current

    def queue_packet(self, packet):
        task = self.by_ident[packet.ident]
        self.queued += 1
        packet.link = None
        packet.ident = self.current.ident
        return task.receive(self.current, packet)


def simulate():
    s = Scheduler()
    IdleTask(s, IDLE_COUNT)
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(s, work)
    for ident, device, priority in ((HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, KIND_DEVICE)
        HandlerTask(s, ident, priority, queue)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s.queued, s.held


def run(n):
    return [simulate() for _ in range(n)]


def check(n, result):
    expect("simulations", len(result), n)
    for queued, held in result:
        expect("packets queued", queued, WANT_QUEUED)
        expect("holds", held, WANT_HELD)


if __name__ == "__main__":
    main(run, check, SIZES)
