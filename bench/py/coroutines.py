"""Coroutines: async/await driven by an event loop written here, no asyncio
(docs/bench.md).

The loop keeps a ready queue and a virtual clock with a heap of sleepers;
a task is a coroutine stepped with send() and throw(). Awaitables are a
Future (its __await__ yields itself until resolved), sleep() and
bounded channels. The workload: a producer feeds jobs through a channel to
a pool of workers; each job fans out to subtasks that are gathered, some
of which raise, and the error travels back through await; a consumer sums
the results. The answer is recomputed without coroutines and must agree.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 1000, "quick": 4000, "full": 30000}
WORKERS = 8
CAPACITY = 4

# (results summed, jobs that failed, virtual end time), recorded from CPython 3.11.
EXPECTED = {
    1000: (1453482, 31, 424),
    4000: (23254344, 124, 1692),
    30000: (1308232662, 928, 12675),
}


class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.error = None
        self.waiters = []

    def resolve(self, loop, result=None, error=None):
        self.done = True
        self.result = result
        self.error = error
        for task in self.waiters:
            loop.ready.append(task)
        self.waiters = []

    def __await__(self):
        while not self.done:
            yield self
        if self.error is not None:
            raise self.error
        return self.result


class Sleep:
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        yield self


class Task:
    def __init__(self, loop, coro):
        self.coro = coro
        self.finished = Future()
        loop.ready.append(self)


class Loop:
    def __init__(self):
        self.ready = []
        self.sleepers = []  # a binary heap of (wake time, sequence, task)
        self.now = 0
        self.sequence = 0
        self.steps = 0

    def spawn(self, coro):
        return Task(self, coro)

    def push_sleeper(self, entry):
        heap = self.sleepers
        heap.append(entry)
        i = len(heap) - 1
        while i > 0:
            parent = (i - 1) // 2
            if heap[parent] <= heap[i]:
                break
            heap[parent], heap[i] = heap[i], heap[parent]
            i = parent

    def pop_sleeper(self):
        heap = self.sleepers
        top = heap[0]
        last = heap.pop()
        if heap:
            heap[0] = last
            i, n = 0, len(heap)
            while True:
                child = 2 * i + 1
                if child >= n:
                    break
                if child + 1 < n and heap[child + 1] < heap[child]:
                    child += 1
                if heap[i] <= heap[child]:
                    break
                heap[i], heap[child] = heap[child], heap[i]
                i = child
        return top

    def step(self, task):
        self.steps += 1
        try:
            awaited = task.coro.send(None)
        except StopIteration as stop:
            task.finished.resolve(self, stop.value)
            return
        except Exception as error:
            task.finished.resolve(self, error=error)
            return
        if isinstance(awaited, Future):
            awaited.waiters.append(task)
        elif isinstance(awaited, Sleep):
            self.sequence += 1
            self.push_sleeper((self.now + awaited.delay, self.sequence, task))
        else:
            raise WrongResult("a task awaited %r" % (awaited,))

    def run(self):
        while self.ready or self.sleepers:
            if not self.ready:
                when, _, task = self.pop_sleeper()
                self.now = when
                self.ready.append(task)
                while self.sleepers and self.sleepers[0][0] == when:
                    self.ready.append(self.pop_sleeper()[2])
            ready, self.ready = self.ready, []
            for task in ready:
                self.step(task)


class Channel:
    """A bounded queue: put() waits while full, get() while empty."""

    def __init__(self, loop, capacity):
        self.loop = loop
        self.capacity = capacity
        self.items = []
        self.getters = []
        self.putters = []

    async def put(self, item):
        while len(self.items) >= self.capacity:
            space = Future()
            self.putters.append(space)
            await space
        self.items.append(item)
        if self.getters:
            self.getters.pop(0).resolve(self.loop)

    async def get(self):
        while not self.items:
            arrival = Future()
            self.getters.append(arrival)
            await arrival
        item = self.items.pop(0)
        if self.putters:
            self.putters.pop(0).resolve(self.loop)
        return item


class JobFailed(Exception):
    pass


async def part(job, k):
    await Sleep((job * 7 + k) % 5)
    if (job + k) % 97 == 0:
        raise JobFailed(job)
    return job * k + 1


async def gather(loop, coros):
    tasks = [loop.spawn(c) for c in coros]
    return [await t.finished for t in tasks]


async def worker(loop, jobs, results):
    while True:
        job = await jobs.get()
        if job is None:
            await results.put(None)
            return
        try:
            parts = await gather(loop, [part(job, k) for k in range(3)])
            await results.put((True, sum(parts)))
        except JobFailed as failure:
            await results.put((False, failure.args[0]))


async def producer(jobs, n):
    for job in range(n):
        await jobs.put(job)
    for _ in range(WORKERS):
        await jobs.put(None)


async def consumer(results):
    total = failed = finished = 0
    while finished < WORKERS:
        outcome = await results.get()
        if outcome is None:
            finished += 1
        elif outcome[0]:
            total += outcome[1]
        else:
            failed += 1
    return total, failed


def run(n):
    loop = Loop()
    jobs = Channel(loop, CAPACITY)
    results = Channel(loop, CAPACITY)
    loop.spawn(producer(jobs, n))
    for _ in range(WORKERS):
        loop.spawn(worker(loop, jobs, results))
    summary = loop.spawn(consumer(results))
    loop.run()
    if not summary.finished.done:
        raise WrongResult("the consumer never finished")
    total, failed = summary.finished.result
    return total, failed, loop.now


def plain(n):
    total = failed = 0
    for job in range(n):
        if any((job + k) % 97 == 0 for k in range(3)):
            failed += 1
        else:
            total += sum(job * k + 1 for k in range(3))
    return total, failed


def check(n, result):
    expect("results and failures", result[:2], plain(n))
    if n in EXPECTED:
        expect("results at size %d" % n, result, EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
