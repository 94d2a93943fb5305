# The _asyncio module (CPython's C accelerator of asyncio; lib/_asyncio.py
# in Pyrite): its names, types, reprs, messages, attributes, uninitialized
# objects, FutureIter, pickling refusal, Task steps and the current-task
# functions, compared with CPython 3.11.
import asyncio, _asyncio, contextvars, gc, io, pickle, re, sys, warnings, weakref
from asyncio import futures, tasks, events

warnings.simplefilter("ignore", RuntimeWarning)  # coroutines never awaited: when is the GC's


def show(expr, env=None):
    try:
        value = eval(expr, globals(), env or {})
        text = repr(value)
    except BaseException as e:
        text = "!! %s: %s" % (type(e).__name__, e)
    print(expr, "->", re.sub(r"0x[0-9a-f]+", "ADDR", text))


def run(stmt, env=None):
    try:
        exec(stmt, globals(), env or {})
        print(stmt, "ok")
    except BaseException as e:
        print(stmt, "!!", type(e).__name__ + ":", re.sub(r"0x[0-9a-f]+", "ADDR", str(e)))


print([n for n in dir(_asyncio) if n != "__builtins__"])
print(_asyncio.__doc__)
for name in ("Future", "Task"):
    cls = getattr(_asyncio, name)
    print(cls, cls.__module__, cls.__qualname__, cls.__mro__)
print(asyncio.Future is _asyncio.Future, asyncio.Task is _asyncio.Task)
print(futures._CFuture is _asyncio.Future, tasks._CTask is _asyncio.Task)
print(tasks._all_tasks is _asyncio._all_tasks, tasks._current_tasks is _asyncio._current_tasks)
print(events.get_running_loop is _asyncio.get_running_loop, tasks._enter_task is _asyncio._enter_task)
print(type(_asyncio._all_tasks).__name__, _asyncio._current_tasks)
print(_asyncio.Task.__doc__)
print(_asyncio.Future.__doc__.splitlines()[0])
show("_asyncio.Future[int]")
run("_asyncio.Future.x = 1")
run("del _asyncio.Task.cancel")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

print("-- Future")
f = _asyncio.Future(loop=loop)
for attr in ("_state", "_callbacks", "_result", "_exception", "_log_traceback",
             "_source_traceback", "_cancel_message", "_asyncio_future_blocking"):
    show("f." + attr, {"f": f})
show("f._loop is loop", {"f": f})
for stmt in ("f._state = 1", "del f._state", "f._loop = 1", "f._result = 1", "f._callbacks = 1",
             "f._source_traceback = 1", "f._log_traceback = True", "f._log_traceback = False",
             "del f._log_traceback", "f._asyncio_future_blocking = 5", "del f._asyncio_future_blocking",
             "f._cancel_message = 'm'", "del f._cancel_message", "f.extra = 1"):
    run(stmt, {"f": f})
show("f._asyncio_future_blocking", {"f": f})
show("f._cancel_message", {"f": f})
show("f.extra", {"f": f})
show("f.missing", {"f": f})
f._asyncio_future_blocking = False
show("repr(f)", {"f": f})
show("f.result()", {"f": f})
show("f.exception()", {"f": f})
show("weakref.ref(f)() is f", {"f": f})
f.add_done_callback(print)
f.add_done_callback(len)
f.add_done_callback(print)
show("repr(f)", {"f": f})
show("[cb for cb, ctx in f._callbacks]", {"f": f})
show("f.remove_done_callback(print)", {"f": f})
show("f.remove_done_callback(print)", {"f": f})
show("[cb for cb, ctx in f._callbacks]", {"f": f})
show("f.remove_done_callback(len)", {"f": f})
show("f._callbacks", {"f": f})
show("f.set_exception(StopIteration)", {"f": f})
show("f.set_exception(StopIteration())", {"f": f})
show("f.set_exception(1)", {"f": f})
show("f.set_exception(ValueError)", {"f": f})
show("repr(f)", {"f": f})
show("f._log_traceback", {"f": f})
show("f.exception()", {"f": f})
show("f._log_traceback", {"f": f})
show("f.result()", {"f": f})
show("f.set_result(1)", {"f": f})
show("f.set_exception(ValueError)", {"f": f})
show("f.cancel()", {"f": f})
show("(f.done(), f.cancelled(), f._state)", {"f": f})

g = _asyncio.Future(loop=loop)
show("g.cancel(1, 2)", {"g": g})
show("g.cancel(mgs=3)", {"g": g})
show("g.cancel(msg='stop')", {"g": g})
show("(g.done(), g.cancelled(), g._state, g._cancel_message)", {"g": g})
show("g.result()", {"g": g})
show("g.exception()", {"g": g})
show("g._make_cancelled_error()", {"g": g})
show("repr(g)", {"g": g})
h = _asyncio.Future(loop=loop)
h.set_result([1, 2])
show("(repr(h), h.result(), h.exception())", {"h": h})
show("_asyncio.Future(1)")
show("_asyncio.Future(lop=1)")
show("_asyncio.Future(loop=None, x=1)")
show("_asyncio.Future(loop=1)")

print("-- uninitialized")
for cls in (_asyncio.Future, _asyncio.Task):
    for expr in ("u._state", "u._loop", "u._callbacks", "u._result", "u._exception", "u._log_traceback",
                 "u._source_traceback", "u._cancel_message", "u._asyncio_future_blocking",
                 "u.result()", "u.exception()", "u.set_result(1)", "u.cancelled()", "u.done()",
                 "u.get_loop()", "u.add_done_callback(print)", "u.remove_done_callback(print)",
                 "repr(u)", "u._make_cancelled_error()", "u.__await__()", "iter(u)"):
        show(expr, {"u": cls.__new__(cls, loop=loop)})
    run("u._asyncio_future_blocking = True", {"u": cls.__new__(cls)})
    run("u._log_traceback = False", {"u": cls.__new__(cls)})
u = _asyncio.Task.__new__(_asyncio.Task)
for expr in ("u._coro", "u._fut_waiter", "u._must_cancel", "u._log_destroy_pending", "u.get_name()",
             "u.cancel()", "u.cancelling()", "u.uncancel()", "u.done()"):
    show(expr, {"u": u})

print("-- FutureIter")
f = _asyncio.Future(loop=loop)
it = f.__await__()
show("type(it), type(it).__module__, type(it).__qualname__", {"it": it})
show("iter(it) is it", {"it": it})
show("next(it) is f", {"it": it, "f": f})
show("f._asyncio_future_blocking", {"f": f})
show("next(it)", {"it": it})
show("it.send(None)", {"it": it})
show("it.throw(ValueError)", {"it": it})
show("next(it)", {"it": it})
f = _asyncio.Future(loop=loop)
it = iter(f)
for expr in ("it.throw()", "it.throw(ValueError, 1, 2)", "it.throw(ValueError(), 1)", "it.throw(1)",
             "it.throw(list)", "it.throw(ValueError, 1, None)", "it.throw(ValueError, ValueError(3))",
             "it.throw(KeyError, (1, 2))", "it.throw(1, 2, 3, 4)"):
    show(expr, {"it": iter(f)})
show("it.close()", {"it": it})
show("next(it)", {"it": it})
f.set_result((1, 2))
it = iter(f)
try:
    it.send(None)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
f = _asyncio.Future(loop=loop)
f.set_result(StopIteration(4))
try:
    next(iter(f))
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
show("type(iter(f))()", {"f": f})
show("pickle.dumps(iter(f))", {"f": f})
show("iter(f).__reduce__()", {"f": f})
show("weakref.ref(iter(f))", {"f": f})

print("-- pickling")


class Sub(_asyncio.Future):
    pass


s = Sub(loop=loop)
f = _asyncio.Future(loop=loop)
for proto in range(6):
    show("pickle.dumps(f, %d)" % proto, {"f": f})
    show("pickle.dumps(s, %d)" % proto, {"s": s})
show("f.__reduce__()", {"f": f})
show("f.__getstate__()", {"f": f})
show("repr(s)", {"s": s})
show("pickle.dumps(_asyncio.Task(asyncio.sleep(0), loop=loop))")

print("-- Task")


async def coro():
    return 1


T = _asyncio.Task
c = coro()
t = T(c, loop=loop)
show("t", {"t": t})
show("(t.get_name(), t.get_coro() is c, t._coro is c, t._fut_waiter, t._must_cancel, t._log_destroy_pending)",
     {"t": t, "c": c})
for stmt in ("t._log_destroy_pending = 0", "del t._log_destroy_pending", "t._must_cancel = 1",
             "t._coro = 1", "t._fut_waiter = 1", "t.set_result(1)", "t.set_exception(1)",
             "t.set_name(5)", "t.set_name()", "t.get_stack(1)", "t.get_stack(limit=1, x=2)",
             "t.print_stack(1)", "t.get_coro(1)", "t.cancelling(1)", "t.cancel(msg=1, x=2)"):
    run(stmt, {"t": t})
show("(t._log_destroy_pending, t.get_name())", {"t": t})
show("(t.cancelling(), t.uncancel(), t.uncancel())", {"t": t})
show("(t.cancel(), t.cancelling(), t._must_cancel)", {"t": t})
show("(t.cancel('m'), t.cancelling(), t._cancel_message)", {"t": t})
show("repr(t)", {"t": t})
show("(t.uncancel(), t.cancelling(), t._must_cancel)", {"t": t})
loop.run_until_complete(asyncio.sleep(0))
show("(repr(t), t.cancelled(), t.get_stack())", {"t": t})
buf = io.StringIO()
t.print_stack(file=buf)
print(buf.getvalue().strip())
for expr in ("T(coro())", "T(1, loop=loop)", "T(coro(), 1)", "T(loop=loop)", "T()",
             "T(coro(), loop=loop, name='a', context=None, lo=3)", "T(coro(), lop=loop)",
             "T(coro=coro(), loop=loop).get_name()", "T(coro(), loop=loop, name=7).get_name()",
             "T(coro(), loop=loop, context=contextvars.copy_context()).get_name()"):
    show(expr, {"T": T, "loop": loop, "coro": coro})


async def slow():
    await asyncio.sleep(0.01)
    return 2


class MyT(T):
    pass


t2 = loop.create_task(slow())
t3 = MyT(slow(), loop=loop)
loop.run_until_complete(asyncio.sleep(0))
show("repr(t2)", {"t2": t2})
show("repr(t2._fut_waiter), repr(t3._fut_waiter)", {"t2": t2, "t3": t3})
show("[cb.__qualname__ for cb, ctx in t3._fut_waiter._callbacks]", {"t3": t3})
show("t2.get_stack()[0].f_code.co_name", {"t2": t2})
show("loop.run_until_complete(asyncio.gather(t2, t3))", {"t2": t2, "t3": t3})
show("(repr(t2), repr(t3))", {"t2": t2, "t3": t3})
h = loop.call_soon(print)
h.cancel()
t4 = T(slow(), loop=loop)
step = loop._ready[-1]._callback
show("type(step), type(step).__module__, step.__self__ is t4", {"step": step, "t4": t4})
show("step(1)", {"step": step})
show("type(step)()", {"step": step})
loop.run_until_complete(t4)

print("-- step errors")


class Bad:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield self.value


class OtherLoop:
    def __await__(self):
        other = asyncio.new_event_loop()
        f = _asyncio.Future(loop=other)
        f._asyncio_future_blocking = True
        other.close()
        yield f


class NotBlocking:
    def __await__(self):
        yield _asyncio.Future(loop=loop)


class PyFut:
    def __await__(self):
        f = futures._PyFuture(loop=loop)
        f._asyncio_future_blocking = False
        yield f


async def awaiter(obj):
    return await obj


for obj in (Bad(5), Bad((i for i in ())), Bad(Bad), OtherLoop(), NotBlocking(), PyFut()):
    show("loop.run_until_complete(T(awaiter(obj), loop=loop))", {"obj": obj, "T": T})


async def self_await():
    await me


me = T(self_await(), loop=loop)
show("loop.run_until_complete(me)", {"me": me})


async def yields():
    yield


show("T(yields(), loop=loop)", {"T": T, "yields": yields})

print("-- results and cancellation through tasks")


async def main():
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "spam")
    print("await future", await fut)
    pyfut = futures._PyFuture(loop=loop)
    loop.call_soon(pyfut.set_result, "py")
    print("await py future", await pyfut)
    bad = loop.create_future()
    loop.call_soon(bad.set_exception, KeyError("k"))
    try:
        await bad
    except KeyError as e:
        print("raised", repr(e))

    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("sleeper cancelled", e.args)
            raise

    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancel", s.cancel("bye"), s.cancelling())
    try:
        await s
    except asyncio.CancelledError as e:
        print("awaiting cancelled task", e.args)
    print(s.cancelled(), repr(s)[:40])
    print("current", asyncio.current_task() is asyncio.current_task(), type(asyncio.current_task()).__name__)
    print("running", _asyncio.get_running_loop() is loop, _asyncio._get_running_loop() is loop,
          _asyncio.get_event_loop() is loop)
    print("in all tasks", asyncio.current_task() in asyncio.all_tasks())
    print("in current tasks", _asyncio._current_tasks[loop] is asyncio.current_task())
    shielded = asyncio.shield(asyncio.sleep(0, "shield"))
    print(await shielded)
    print(await asyncio.wait_for(asyncio.sleep(0, "wait_for"), 1))
    print(await asyncio.gather(coro(), asyncio.sleep(0, 3), return_exceptions=True))
    return "main done"


print(loop.run_until_complete(main()))

print("-- module functions")
for expr in ("_asyncio.get_running_loop()", "_asyncio._get_running_loop()", "_asyncio.get_running_loop(1)",
             "_asyncio.get_running_loop(x=1)", "_asyncio._get_running_loop(1)", "_asyncio.get_event_loop(1)",
             "_asyncio._set_running_loop(1, 2)", "_asyncio._set_running_loop(loop=1)",
             "_asyncio._set_running_loop()", "_asyncio._get_event_loop(1, 2)",
             "_asyncio._get_event_loop(stacklevel=2.0)", "_asyncio._get_event_loop(x=2)",
             "_asyncio._get_event_loop(2**40)", "_asyncio._get_event_loop() is loop",
             "_asyncio.get_event_loop() is loop", "_asyncio._register_task()",
             "_asyncio._register_task(1)", "_asyncio._register_task(f, task=f)",
             "_asyncio._enter_task(1)", "_asyncio._enter_task(1, 2, 3)", "_asyncio._enter_task(1, 2, x=3)",
             "_asyncio._enter_task(1, loop=2)", "_asyncio._enter_task([], 3)", "_asyncio._leave_task([], 3)",
             "_asyncio._unregister_task()"):
    show(expr, {"f": f})
_asyncio._enter_task(loop="L", task="T1")
show("_asyncio._current_tasks")
show("_asyncio._enter_task('L', 'T2')")
show("_asyncio._leave_task('L', 'T2')")
show("_asyncio._leave_task('M', 'T2')")
show("_asyncio._leave_task('L', 'T1')")
show("_asyncio._current_tasks")
f = _asyncio.Future(loop=loop)
_asyncio._register_task(f)
show("f in _asyncio._all_tasks", {"f": f})
_asyncio._unregister_task(task=f)
show("f in _asyncio._all_tasks", {"f": f})
_asyncio._set_running_loop(loop)
show("_asyncio.get_running_loop() is loop")
_asyncio._set_running_loop(None)
show("_asyncio._get_running_loop()")
for fn in ("get_running_loop", "_get_running_loop", "_set_running_loop", "get_event_loop", "_get_event_loop",
           "_register_task", "_unregister_task", "_enter_task", "_leave_task"):
    obj = getattr(_asyncio, fn)
    print(fn, obj.__name__, obj.__qualname__, (obj.__doc__ or "").splitlines()[:1])

print("-- never retrieved")


def handler(loop, context):
    print("handler:", context["message"], type(context.get("exception")).__name__,
          type(context.get("future", context.get("task"))).__name__)


loop.set_exception_handler(handler)
f = _asyncio.Future(loop=loop)
f.set_exception(ValueError("lost"))
del f
gc.collect()


async def forever():
    await asyncio.sleep(10)


t = T(forever(), loop=loop)
loop.run_until_complete(asyncio.sleep(0))
t._fut_waiter.remove_done_callback(t._fut_waiter._callbacks[0][0])
del t
gc.collect()
loop.close()
asyncio.set_event_loop(None)

print("-- signatures")
import inspect
T, F = _asyncio.Task, _asyncio.Future
for obj in (F, T, F.cancel, T.cancel, T.cancelling, T.uncancel, T.get_coro, T.get_name, T.get_stack,
            T.print_stack, T.set_result, T.set_exception, T.set_name, F.result, F.exception, F.done,
            F.cancelled, F.get_loop, F.set_result, F.set_exception, F.remove_done_callback,
            F._make_cancelled_error, F.__await__, _asyncio._enter_task, _asyncio._leave_task,
            _asyncio._register_task, _asyncio._unregister_task, _asyncio._get_running_loop,
            _asyncio.get_running_loop, _asyncio.get_event_loop, _asyncio._set_running_loop,
            _asyncio._get_event_loop):
    print(obj.__qualname__, inspect.signature(obj))
