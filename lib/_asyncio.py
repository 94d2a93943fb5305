"""Accelerator module for asyncio"""

# Pyrite's `_asyncio` (docs/modules_net.md, "_asyncio"): CPython writes this
# module in C (Future, Task, FutureIter and the running-loop and
# current-task functions); asyncio.futures, asyncio.tasks and
# asyncio.events use it when it exists, so its classes are the default
# asyncio.Future and asyncio.Task, and test_asyncio runs its C-accelerator
# test classes against it. This is a new Python implementation of what the
# C module does, with its observable behaviour: its names and reprs, its
# messages, its argument checks, the order in which it calls the event
# loop and the objects it is given, read-only and undeletable attributes,
# uninitialized objects, weak references, subclassing and pickling refusal.
# Nothing here is copied from CPython; what still differs is listed in
# docs/modules.md.
#
# TODO(#6): a C++ `_asyncio` (src/python/modules/) for speed and for what
# docs/modules.md lists as still different (this file's frames in the frame
# stack, descriptor kinds, the argument messages of the hot methods).


def _make():
    """The module's names, and the function that links them to asyncio.

    Everything else lives in this function's scope, so that the module's
    namespace is the C module's. asyncio's own modules are imported only
    after the module's names exist (asyncio.futures and asyncio.tasks
    import this module while asyncio is being imported)."""

    import contextvars
    import sys
    import weakref
    import os
    from types import GenericAlias, FunctionType, MethodType, CoroutineType, GeneratorType, TracebackType

    copy_context = contextvars.copy_context

    # Bound by _link() once asyncio can be imported.
    get_event_loop_policy = None
    future_repr = None
    task_repr = None
    task_get_stack = None
    task_print_stack = None
    iscoroutine = None
    extract_stack = None
    InvalidStateError = None
    CancelledError = None

    _NULL = object()  # a missing argument (NULL in the C code)

    PENDING, CANCELLED, FINISHED = 0, 1, 2
    STATE_NAMES = ("PENDING", "CANCELLED", "FINISHED")

    # ---- argument checks with the C module's messages -------------------

    def parse(fname, args, kwargs, names, minpos, maxpos):
        """Arguments checked as Argument Clinic's parser checks them (the
        first `minpos` of `names` are required, the first `maxpos` may be
        given by position, the others only by keyword); the values of all
        `names`, _NULL for the ones not given."""
        nargs = len(args)
        maxargs = len(names)
        total = nargs + len(kwargs)
        if total > maxargs:
            raise TypeError("%s() takes at most %d %sargument%s (%d given)"
                            % (fname, maxargs, "keyword " if nargs == 0 else "",
                               "" if maxargs == 1 else "s", total))
        if nargs > maxpos:
            if maxpos == 0:
                raise TypeError("%s() takes no positional arguments" % fname)
            raise TypeError("%s() takes %s %d positional argument%s (%d given)"
                            % (fname, "at most" if minpos < maxpos else "exactly", maxpos,
                               "" if maxpos == 1 else "s", nargs))
        values = list(args)
        used = 0
        for i in range(nargs, maxargs):
            name = names[i]
            if name in kwargs:
                values.append(kwargs[name])
                used += 1
            else:
                if i < minpos:
                    raise TypeError("%s() missing required argument '%s' (pos %d)" % (fname, name, i + 1))
                values.append(_NULL)
        if used < len(kwargs):
            for key in kwargs:
                if key not in names:
                    raise TypeError("%r is an invalid keyword argument for %s()" % (key, fname))
                position = names.index(key)
                if position < nargs:
                    raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                                    % (fname, key, position + 1))
        return values

    def no_args(qualname, args, kwargs):
        # A METH_NOARGS function or method called with arguments.
        if kwargs:
            raise TypeError("%s() takes no keyword arguments" % qualname)
        if args:
            raise TypeError("%s() takes no arguments (%d given)" % (qualname, len(args)))

    def one_arg(qualname, args, kwargs):
        # A METH_O function or method: its one argument.
        if kwargs:
            raise TypeError("%s() takes no keyword arguments" % qualname)
        if len(args) != 1:
            raise TypeError("%s() takes exactly one argument (%d given)" % (qualname, len(args)))
        return args[0]

    def c_int(value):
        # The C int converter of Argument Clinic.
        if isinstance(value, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        value = value.__index__() if not isinstance(value, int) else value
        if not -2**31 <= value < 2**31:
            raise OverflowError("Python int too large to convert to C int")
        return value

    def not_writable(name, owner):
        def fail(self, value=None):
            raise AttributeError("attribute '%s' of '%s' objects is not writable" % (name, owner))
        return fail

    def cannot_delete(self):
        raise AttributeError("cannot delete attribute")

    # ---- the running loop, the current tasks, all tasks -----------------

    running_loop = None   # the loop of this process, with the pid that set it
    running_pid = None
    pid = os.getpid()     # this process's (os.getpid() costs a system call)

    def forked():
        nonlocal pid
        pid = os.getpid()

    os.register_at_fork(after_in_child=forked)
    current_tasks = {}
    all_tasks = weakref.WeakSet()
    task_name_counter = 0

    def get_running():
        if running_loop is not None and running_pid == pid:
            return running_loop
        return None

    def _get_running_loop(*args, **kwargs):
        """Return the running event loop or None.

This is a low-level function intended to be used by event loops.
This function is thread-specific."""
        if args or kwargs:
            no_args("_asyncio._get_running_loop", args, kwargs)
        if running_loop is not None and running_pid == pid:
            return running_loop
        return None

    def _set_running_loop(*args, **kwargs):
        """Set the running event loop.

This is a low-level function intended to be used by event loops.
This function is thread-specific."""
        nonlocal running_loop, running_pid
        if len(args) != 1 or kwargs:
            one_arg("_asyncio._set_running_loop", args, kwargs)
        running_loop = args[0]
        running_pid = pid

    def get_running_loop(*args, **kwargs):
        """Return the running event loop.  Raise a RuntimeError if there is none.

This function is thread-specific."""
        if args or kwargs:
            no_args("_asyncio.get_running_loop", args, kwargs)
        if running_loop is not None and running_pid == pid:
            return running_loop
        raise RuntimeError("no running event loop")

    def event_loop():
        loop = get_running()
        if loop is not None:
            return loop
        return get_event_loop_policy().get_event_loop()

    def get_event_loop(*args, **kwargs):
        """Return an asyncio event loop.

When called from a coroutine or a callback (e.g. scheduled with
call_soon or similar API), this function will always return the
running event loop.

If there is no running event loop set, the function will return
the result of `get_event_loop_policy().get_event_loop()` call."""
        if args or kwargs:
            no_args("_asyncio.get_event_loop", args, kwargs)
        return event_loop()

    def _get_event_loop(*args, **kwargs):
        if args or kwargs:
            stacklevel, = parse("_get_event_loop", args, kwargs, ("stacklevel",), 0, 1)
            if stacklevel is not _NULL:
                c_int(stacklevel)
        return event_loop()

    def register_task(task):
        all_tasks.add(task)

    def _register_task(*args, **kwargs):
        """Register a new task in asyncio as executed by loop.

Returns None."""
        if len(args) != 1 or kwargs:
            args = parse("_register_task", args, kwargs, ("task",), 1, 1)
        all_tasks.add(args[0])

    def _unregister_task(*args, **kwargs):
        """Unregister a task.

Returns None."""
        if len(args) != 1 or kwargs:
            args = parse("_unregister_task", args, kwargs, ("task",), 1, 1)
        all_tasks.discard(args[0])

    def enter_task(loop, task):
        current = current_tasks.get(loop, _NULL)
        if current is not _NULL:
            raise RuntimeError("Cannot enter into task %r while another task %r is being executed."
                               % (task, current))
        current_tasks[loop] = task

    def leave_task(loop, task):
        current = current_tasks.get(loop, _NULL)
        if current is not task:
            raise RuntimeError("Leaving task %r does not match the current task %r."
                               % (task, None if current is _NULL else current))
        del current_tasks[loop]

    def _enter_task(*args, **kwargs):
        """Enter into task execution or resume suspended task.

Task belongs to loop.

Returns None."""
        if len(args) != 2 or kwargs:
            args = parse("_enter_task", args, kwargs, ("loop", "task"), 2, 2)
        enter_task(args[0], args[1])

    def _leave_task(*args, **kwargs):
        """Leave task execution or suspend a task.

Task belongs to loop.

Returns None."""
        if len(args) != 2 or kwargs:
            args = parse("_leave_task", args, kwargs, ("loop", "task"), 2, 2)
        leave_task(args[0], args[1])

    # ---- Future ---------------------------------------------------------

    def future_init(fut, loop, frame):
        # Also what __init__ called again on a used future does: start anew
        # (the instance dict is kept).
        fut._fut_loop = None
        fut._fut_callbacks = None
        fut._fut_result = None
        fut._fut_exception = None
        fut._fut_exception_tb = None
        fut._fut_source_tb = None
        fut._fut_cancel_msg = None
        fut._fut_cancelled_exc = None
        fut._fut_state = PENDING
        fut._fut_log_tb = False
        fut._fut_blocking = False
        if loop is None:
            loop = event_loop()
        fut._fut_loop = loop
        if loop.get_debug() and not sys.is_finalizing():
            fut._fut_source_tb = extract_stack(frame)

    def schedule_callbacks(fut):
        callbacks = fut._fut_callbacks
        if callbacks is None:
            return
        fut._fut_callbacks = None
        loop = fut._fut_loop
        for fn, ctx in callbacks:
            loop.call_soon(fn, fut, context=ctx)

    def cancelled_error(fut):
        try:
            exc = fut._fut_cancelled_exc
        except AttributeError:
            exc = zero_fill(fut)
        if exc is not None:
            fut._fut_cancelled_exc = None
            return exc
        msg = fut._fut_cancel_msg
        if msg is None:
            return CancelledError()
        return CancelledError(msg)

    def future_cancel(fut, msg):
        fut._fut_log_tb = False
        if fut._fut_state != PENDING:
            return False
        fut._fut_state = CANCELLED
        fut._fut_cancel_msg = msg
        schedule_callbacks(fut)
        return True

    def future_set_result(fut, result):
        try:
            loop = fut._fut_loop
        except AttributeError:
            loop = zero_fill(fut)
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        if fut._fut_state != PENDING:
            raise InvalidStateError("invalid state")
        fut._fut_result = result
        fut._fut_state = FINISHED
        schedule_callbacks(fut)

    def future_set_exception(fut, exc):
        try:
            loop = fut._fut_loop
        except AttributeError:
            loop = zero_fill(fut)
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        if fut._fut_state != PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exc, type) and issubclass(exc, BaseException):
            exc = exc()
            if fut._fut_state != PENDING:
                raise InvalidStateError("invalid state")
        if not isinstance(exc, BaseException):
            raise TypeError("invalid exception object")
        if type(exc) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        fut._fut_exception = exc
        fut._fut_exception_tb = exc.__traceback__
        fut._fut_state = FINISHED
        schedule_callbacks(fut)
        fut._fut_log_tb = True

    def future_add_done_callback(fut, fn, context):
        try:
            loop = fut._fut_loop
        except AttributeError:
            loop = zero_fill(fut)
        if loop is None:
            raise RuntimeError("uninitialized Future object")
        if fut._fut_state != PENDING:
            loop.call_soon(fn, fut, context=context)
        elif fut._fut_callbacks is None:
            fut._fut_callbacks = [(fn, context)]
        else:
            fut._fut_callbacks.append((fn, context))

    def future_finalize(fut):
        try:
            if not fut._fut_log_tb:
                return
        except AttributeError:  # not initialized
            return
        fut._fut_log_tb = False
        context = {
            "message": "%s exception was never retrieved" % type(fut).__name__,
            "exception": fut._fut_exception,
            "future": fut,
        }
        if fut._fut_source_tb is not None:
            context["source_traceback"] = fut._fut_source_tb
        fut._fut_loop.call_exception_handler(context)

    def ensure_alive(fut):
        try:
            loop = fut._fut_loop
        except AttributeError:
            loop = zero_fill(fut)
        if loop is None:
            raise RuntimeError("Future object is not initialized.")

    # An object whose __init__ did not run (made by __new__ alone) lacks
    # the fields: they are set, when first needed, to what the C type's
    # zeroed fields mean (no loop: "not initialized"). The hot paths read
    # the fields and catch the AttributeError (a try costs nothing).
    FUTURE_FIELDS = (("_fut_loop", None), ("_fut_callbacks", None), ("_fut_result", None),
                     ("_fut_exception", None), ("_fut_exception_tb", None), ("_fut_source_tb", None),
                     ("_fut_cancel_msg", None), ("_fut_cancelled_exc", None), ("_fut_state", PENDING),
                     ("_fut_log_tb", False), ("_fut_blocking", False))
    TASK_FIELDS = (("_task_fut_waiter", None), ("_task_coro", None), ("_task_name", None),
                   ("_task_context", None), ("_task_must_cancel", False),
                   ("_task_log_destroy_pending", False), ("_task_num_cancels", 0))

    def zero_fill(obj):
        fields = FUTURE_FIELDS + TASK_FIELDS if isinstance(obj, Task) else FUTURE_FIELDS
        for name, value in fields:
            try:
                getattr(obj, name)
            except AttributeError:
                setattr(obj, name, value)
        return None

    FUTURE_DOC = """This class is *almost* compatible with concurrent.futures.Future.

    Differences:

    - result() and exception() do not take a timeout argument and
      raise an exception when the future isn't done yet.

    - Callbacks registered with add_done_callback() are always called
      via the event loop's call_soon_threadsafe().

    - This class is not compatible with the wait() and as_completed()
      methods in the concurrent.futures package."""

    class Future:
        __slots__ = ("_fut_loop", "_fut_callbacks", "_fut_result", "_fut_exception",
                     "_fut_exception_tb", "_fut_source_tb", "_fut_cancel_msg",
                     "_fut_cancelled_exc", "_fut_state", "_fut_log_tb", "_fut_blocking",
                     "__dict__", "__weakref__")

        def __init__(self, *args, loop=_NULL, **kwargs):
            if args or kwargs:
                if loop is not _NULL:
                    kwargs = dict(kwargs, loop=loop)
                loop, = parse("Future", args, kwargs, ("loop",), 0, 0)
            if loop is _NULL:
                loop = None
            future_init(self, loop, sys._getframe(1))

        def __repr__(self):
            ensure_alive(self)
            return future_repr(self)

        def __del__(self):
            future_finalize(self)

        __class_getitem__ = classmethod(GenericAlias)

        def result(self, /):
            """Return the result this future represents.

If the future has been cancelled, raises CancelledError.  If the
future's result isn't yet available, raises InvalidStateError.  If
the future is done and has an exception set, this exception is raised."""
            try:
                state = self._fut_state
            except AttributeError:
                state = zero_fill(self)
            if state == FINISHED:
                self._fut_log_tb = False
                exc = self._fut_exception
                if exc is not None:
                    raise exc.with_traceback(self._fut_exception_tb)
                return self._fut_result
            if self._fut_loop is None:
                raise InvalidStateError("Future object is not initialized.")
            if state == CANCELLED:
                raise cancelled_error(self)
            raise InvalidStateError("Result is not set.")

        def exception(self, /):
            """Return the exception that was set on this future.

The exception (or None if no exception was set) is returned only if
the future is done.  If the future has been cancelled, raises
CancelledError.  If the future isn't done yet, raises
InvalidStateError."""
            try:
                loop = self._fut_loop
            except AttributeError:
                loop = zero_fill(self)
            if loop is None:
                raise InvalidStateError("Future object is not initialized.")
            state = self._fut_state
            if state == CANCELLED:
                raise cancelled_error(self)
            if state != FINISHED:
                raise InvalidStateError("Exception is not set.")
            self._fut_log_tb = False
            return self._fut_exception

        def set_result(self, result, /):
            """Mark the future done and set its result.

If the future is already done when this method is called, raises
InvalidStateError."""
            future_set_result(self, result)

        def set_exception(self, exception, /):
            """Mark the future done and set an exception.

If the future is already done when this method is called, raises
InvalidStateError."""
            future_set_exception(self, exception)

        def add_done_callback(self, fn, /, *, context=None):
            """Add a callback to be run when the future becomes done.

The callback is called with a single argument - the future object. If
the future is already done when this is called, the callback is
scheduled with call_soon."""
            if context is None:
                context = copy_context()
            future_add_done_callback(self, fn, context)

        def remove_done_callback(self, fn, /):
            """Remove all instances of a callback from the "call when done" list.

Returns the number of callbacks removed."""
            ensure_alive(self)
            callbacks = self._fut_callbacks
            if callbacks is None:
                return 0
            # The comparisons can run code that changes the list: compare
            # with a copy, keep the callbacks that are still there.
            removed = {id(item) for item in callbacks[:] if item[0] is fn or item[0] == fn}
            if not removed:
                return 0
            callbacks = self._fut_callbacks
            if callbacks is not None:
                kept = [item for item in callbacks if id(item) not in removed]
                self._fut_callbacks = kept or None
            return len(removed)

        def cancel(self, *args, **kwargs):
            """Cancel the future and schedule callbacks.

If the future is already done or cancelled, return False.  Otherwise,
change the future's state to cancelled, schedule the callbacks and
return True."""
            msg = None
            if args or kwargs:
                msg, = parse("cancel", args, kwargs, ("msg",), 0, 1)
                if msg is _NULL:
                    msg = None
            ensure_alive(self)
            self._fut_log_tb = False
            return future_cancel(self, msg)

        def cancelled(self, /):
            """Return True if the future was cancelled."""
            try:
                return self._fut_state == CANCELLED and self._fut_loop is not None
            except AttributeError:
                return False

        def done(self, /):
            """Return True if the future is done.

Done means either that a result / exception are available, or that the
future was cancelled."""
            try:
                return self._fut_state != PENDING and self._fut_loop is not None
            except AttributeError:
                return False

        def get_loop(self, /):
            """Return the event loop the Future is bound to."""
            try:
                loop = self._fut_loop
            except AttributeError:
                loop = zero_fill(self)
            if loop is None:
                raise RuntimeError("Future object is not initialized.")
            return loop

        def _make_cancelled_error(self, /):
            """Create the CancelledError to raise if the Future is cancelled.

This should only be called once when handling a cancellation since
it erases the saved context exception value."""
            return cancelled_error(self)

        def __await__(self, /):
            """Return an iterator to be used in await expression."""
            try:
                loop = self._fut_loop
            except AttributeError:
                loop = zero_fill(self)
            if loop is None:
                raise RuntimeError("Future object is not initialized.")
            it = new_iter(FutureIter)
            it._fut = self
            return it

        def __iter__(self, /):
            """Implement iter(self)."""
            return Future.__await__(self)

        def __getstate__(self, /):
            return self.__dict__ or None

        def __reduce_ex__(self, protocol, /):
            refuse_pickle(self, protocol)

        def __reduce__(self, /):
            refuse_pickle(self, 0)

    def refuse_pickle(obj, protocol):
        # As object.__reduce_ex__ refuses an object of a C type whose state
        # it cannot see (named by tp_name); below protocol 2, as copyreg
        # does: by __name__, and a subclass of Future by calling Future with
        # the object, which Future() refuses.
        cls = type(obj)
        exact = cls is Future or cls is Task
        if protocol < 2:
            if exact or not isinstance(obj, Future) or isinstance(obj, Task):
                raise TypeError("cannot pickle %r object" % cls.__name__)
            raise TypeError("Future() takes no positional arguments")
        raise TypeError("cannot pickle %r object" % ("_asyncio." + cls.__name__ if exact else cls.__name__))

    def getset(cls, name, get, set=None, delete=None):
        owner = "_asyncio." + cls.__name__
        if set is None:
            set = delete = not_writable(name, owner)
        elif delete is None:
            delete = cannot_delete
        def fget(obj):
            try:
                return get(obj)
            except AttributeError:  # not initialized
                zero_fill(obj)
                return get(obj)
        setattr(cls, name, property(fget, set, delete))

    def get_state(fut):
        ensure_alive(fut)
        return STATE_NAMES[fut._fut_state]

    def get_callbacks(fut):
        ensure_alive(fut)
        callbacks = fut._fut_callbacks
        return None if callbacks is None else list(callbacks)

    def get_result(fut):
        ensure_alive(fut)
        return fut._fut_result

    def get_exception(fut):
        ensure_alive(fut)
        return fut._fut_exception

    def get_log_traceback(fut):
        ensure_alive(fut)
        return fut._fut_log_tb

    def set_log_traceback(fut, value):
        if value:
            raise ValueError("_log_traceback can only be set to False")
        fut._fut_log_tb = False

    def set_blocking(fut, value):
        ensure_alive(fut)
        fut._fut_blocking = bool(value)

    def set_cancel_message(fut, value):
        fut._fut_cancel_msg = value

    def common_getsets(cls):
        getset(cls, "_state", get_state)
        getset(cls, "_loop", lambda fut: fut._fut_loop)
        getset(cls, "_callbacks", get_callbacks)
        getset(cls, "_result", get_result)
        getset(cls, "_exception", get_exception)
        getset(cls, "_log_traceback", get_log_traceback, set_log_traceback)
        getset(cls, "_source_traceback", lambda fut: fut._fut_source_tb)
        getset(cls, "_cancel_message", lambda fut: fut._fut_cancel_msg, set_cancel_message)
        getset(cls, "_asyncio_future_blocking", lambda fut: fut._fut_blocking, set_blocking)

    common_getsets(Future)
    future_result = Future.result

    # ---- FutureIter -----------------------------------------------------

    class FutureIter:
        __slots__ = ("_fut",)

        def __new__(cls, *args, **kwargs):
            raise TypeError("cannot create '_asyncio.FutureIter' instances")

        def __iter__(self, /):
            """Implement iter(self)."""
            return self

        def __next__(self, /):
            """Implement next(self)."""
            fut = self._fut
            if fut is None:
                raise StopIteration
            if fut._fut_state == PENDING:
                if not fut._fut_blocking:
                    fut._fut_blocking = True
                    return fut
                raise RuntimeError("await wasn't used with future")
            self._fut = None
            raise StopIteration(future_result(fut))

        def send(self, value, /):
            # The value is ignored, as the C FutureIter's send does.
            return FutureIter.__next__(self)

        def throw(self, *args):
            nargs = len(args)
            if nargs < 1:
                raise TypeError("throw expected at least 1 argument, got %d" % nargs)
            if nargs > 3:
                raise TypeError("throw expected at most 3 arguments, got %d" % nargs)
            typ = args[0]
            val = args[1] if nargs > 1 else None
            tb = args[2] if nargs > 2 else None
            if tb is not None and not isinstance(tb, TracebackType):
                raise TypeError("throw() third argument must be a traceback")
            if isinstance(typ, type) and issubclass(typ, BaseException):
                if isinstance(val, typ):
                    exc = val
                elif val is None:
                    exc = typ()
                elif isinstance(val, tuple):
                    exc = typ(*val)
                else:
                    exc = typ(val)
            elif isinstance(typ, BaseException):
                if val is not None:
                    raise TypeError("instance exception may not have a separate value")
                exc = typ
                if tb is None:
                    tb = exc.__traceback__
            else:
                raise TypeError("exceptions must be classes deriving BaseException or "
                                "instances of such a class")
            self._fut = None
            if tb is not None:
                raise exc.with_traceback(tb)
            raise exc

        def close(self, /):
            self._fut = None

        def __reduce_ex__(self, protocol, /):
            if protocol < 2:
                raise TypeError("cannot pickle 'FutureIter' object")
            raise TypeError("cannot pickle '_asyncio.FutureIter' object")

        def __reduce__(self, /):
            raise TypeError("cannot pickle 'FutureIter' object")

    new_iter = object.__new__

    # ---- Task -----------------------------------------------------------

    class TaskStepMethWrapper:
        # What a task schedules with loop.call_soon() to run its next step:
        # the C module's object of this name (no __module__ of its own).
        __slots__ = ("_task", "_arg")

        def __new__(cls, *args, **kwargs):
            raise TypeError("cannot create 'TaskStepMethWrapper' instances")

        def __call__(self, extra=_NULL, /):
            if extra is not _NULL:
                raise TypeError("function takes no positional arguments")
            return task_step(self._task, self._arg)

        @property
        def __self__(self):
            return self._task

    TaskStepMethWrapper.__module__ = "builtins"

    def call_step_soon(task, arg):
        wrapper = new_iter(TaskStepMethWrapper)
        wrapper._task = task
        wrapper._arg = arg
        task._fut_loop.call_soon(wrapper, context=task._task_context)

    def task_wakeup(self, fut, /):
        # Bound to the task: the callback it adds to the future it awaits
        # (named as the C module's builtin method, Task.task_wakeup).
        if type(fut) is Future or type(fut) is Task:
            state = fut._fut_state
            if state == FINISHED:
                fut._fut_log_tb = False
                exc = fut._fut_exception
                if exc is None:
                    return task_step(self, None)
                exc.__traceback__ = fut._fut_exception_tb
                return task_step(self, exc)
            if state == CANCELLED:
                return task_step(self, cancelled_error(fut))
            return task_step(self, InvalidStateError("Result is not set."))
        try:
            fut.result()
        except BaseException as exc:
            return task_step(self, strip(exc))
        return task_step(self, None)

    wakeup_code = task_wakeup.__code__
    task_wakeup.__name__ = "task_wakeup"
    task_wakeup.__qualname__ = "Task.task_wakeup"

    def wakeup_for(task):
        cls = type(task)
        if cls is Task:
            return MethodType(task_wakeup, task)
        func = FunctionType(wakeup_code, task_wakeup.__globals__, "task_wakeup",
                            None, task_wakeup.__closure__)
        func.__qualname__ = cls.__qualname__ + ".task_wakeup"
        return MethodType(func, task)

    def strip(exc):
        # The exception without the traceback entry of this file's frame
        # that caught it (the C code adds no frame).
        tb = exc.__traceback__
        if tb is not None and tb.tb_frame.f_code.co_filename == THIS_FILE:
            exc.__traceback__ = tb.tb_next
        return exc

    THIS_FILE = task_wakeup.__code__.co_filename

    def task_step(task, exc):
        loop = task._fut_loop
        # enter_task() and leave_task(), written out (once per step)
        if current_tasks.get(loop, _NULL) is not _NULL:
            enter_task(loop, task)  # raises
        current_tasks[loop] = task
        try:
            step(task, exc)
        except BaseException:
            leave_task(loop, task)  # an error here has the step's as its __context__
            raise
        if current_tasks.get(loop, _NULL) is not task:
            leave_task(loop, task)  # raises
        del current_tasks[loop]

    def step(task, exc):
        if task._fut_state != PENDING:
            raise InvalidStateError("_step(): already done: %r %r"
                                    % (task, exc if exc is not None else None))
        if task._task_must_cancel:
            if exc is None or not isinstance(exc, CancelledError):
                exc = cancelled_error(task)
            task._task_must_cancel = False
        task._task_fut_waiter = None
        coro = task._task_coro
        if coro is None:
            raise RuntimeError("uninitialized Task object")
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if task._task_must_cancel:
                task._task_must_cancel = False
                future_cancel(task, task._fut_cancel_msg)
            else:
                future_set_result(task, stop.value)
            return
        except CancelledError as error:
            task._fut_cancelled_exc = strip(error)
            future_cancel(task, None)
            return
        except (KeyboardInterrupt, SystemExit) as error:
            future_set_exception(task, strip(error))
            raise
        except BaseException as error:
            future_set_exception(task, strip(error))
            return

        if result is task:
            call_step_soon(task, RuntimeError("Task cannot await on itself: %r" % (task,)))
            return

        if type(result) is Future or type(result) is Task:
            if result._fut_loop is not task._fut_loop:
                error = RuntimeError("Task %r got Future %r attached to a different loop" % (task, result))
            elif not result._fut_blocking:
                error = RuntimeError("yield was used instead of yield from in task %r with %r" % (task, result))
            else:
                result._fut_blocking = False
                future_add_done_callback(result, wakeup_for(task), task._task_context)
                task._task_fut_waiter = result
                if task._task_must_cancel:
                    if result.cancel(task._fut_cancel_msg):
                        task._task_must_cancel = False
                return
            call_step_soon(task, error)
            return

        if result is None:
            # A bare yield: run again at the next iteration of the loop.
            call_step_soon(task, None)
            return

        blocking = getattr(result, "_asyncio_future_blocking", None)
        if blocking is not None:
            blocking = bool(blocking)
            if get_future_loop(result) is not task._fut_loop:
                error = RuntimeError("Task %r got Future %r attached to a different loop" % (task, result))
            elif not blocking:
                error = RuntimeError("yield was used instead of yield from in task %r with %r" % (task, result))
            else:
                result._asyncio_future_blocking = False
                result.add_done_callback(wakeup_for(task), context=task._task_context)
                task._task_fut_waiter = result
                if task._task_must_cancel:
                    if result.cancel(task._fut_cancel_msg):
                        task._task_must_cancel = False
                return
            call_step_soon(task, error)
            return

        if isinstance(result, GeneratorType):
            error = RuntimeError("yield was used instead of yield from for generator in task %r with %r"
                                 % (task, result))
        else:
            error = RuntimeError("Task got bad yield: %r" % (result,))
        call_step_soon(task, error)


    def get_future_loop(fut):
        if type(fut) is Future or type(fut) is Task:
            return fut._fut_loop
        try:
            get_loop = fut.get_loop
        except AttributeError:
            return fut._loop
        return get_loop()

    def is_coroutine(coro):
        if type(coro) is CoroutineType:
            return True
        cls = type(coro)
        if cls in coroutine_types:
            return True
        if iscoroutine(coro):
            if len(coroutine_types) < 100:
                coroutine_types.add(cls)
            return True
        return False

    coroutine_types = set()

    def task_finalize(task):
        try:
            log = task._fut_state == PENDING and task._task_log_destroy_pending
        except AttributeError:  # not initialized
            log = False
        if log:
            context = {
                "message": "Task was destroyed but it is pending!",
                "task": task,
            }
            if task._fut_source_tb is not None:
                context["source_traceback"] = task._fut_source_tb
            task._fut_loop.call_exception_handler(context)
        future_finalize(task)

    def task_ready(task):
        try:
            task._task_num_cancels
            task._fut_state
        except AttributeError:  # not initialized
            zero_fill(task)

    TASK_INIT_NAMES = ("coro", "loop", "name", "context")

    class Task(Future):
        __slots__ = ("_task_fut_waiter", "_task_coro", "_task_name", "_task_context",
                     "_task_must_cancel", "_task_log_destroy_pending", "_task_num_cancels")

        def __init__(self, coro=_NULL, *args, loop=_NULL, name=_NULL, context=_NULL, **kwargs):
            nonlocal task_name_counter
            if coro is _NULL or args or kwargs:
                given = dict(kwargs)
                for key, value in (("loop", loop), ("name", name), ("context", context)):
                    if value is not _NULL:
                        given[key] = value
                coro, loop, name, context = parse(
                    "Task", (() if coro is _NULL else (coro,)) + args, given, TASK_INIT_NAMES, 1, 1)
            if loop is _NULL:
                loop = None
            if name is _NULL:
                name = None
            if context is _NULL:
                context = None
            future_init(self, loop, sys._getframe(1))
            self._task_fut_waiter = None
            self._task_coro = None
            self._task_name = None
            self._task_context = None
            self._task_must_cancel = False
            self._task_num_cancels = 0
            if not is_coroutine(coro):
                self._task_log_destroy_pending = False
                raise TypeError("a coroutine was expected, got %r" % (coro,))
            self._task_context = copy_context() if context is None else context
            self._task_log_destroy_pending = True
            self._task_coro = coro
            if name is None:
                task_name_counter += 1
                name = "Task-%d" % task_name_counter
            elif type(name) is not str:
                name = str(name)
            self._task_name = name
            call_step_soon(self, None)
            register_task(self)

        def __repr__(self):
            return task_repr(self)

        def __del__(self):
            task_finalize(self)

        __class_getitem__ = classmethod(GenericAlias)

        def _make_cancelled_error(self, /):
            """Create the CancelledError to raise if the Task is cancelled.

This should only be called once when handling a cancellation since
it erases the saved context exception value."""
            return cancelled_error(self)

        def cancel(self, *args, **kwargs):
            """Request that this task cancel itself.

This arranges for a CancelledError to be thrown into the
wrapped coroutine on the next cycle through the event loop.
The coroutine then has a chance to clean up or even deny
the request using try/except/finally.

Unlike Future.cancel, this does not guarantee that the
task will be cancelled: the exception might be caught and
acted upon, delaying cancellation of the task or preventing
cancellation completely.  The task may also return a value or
raise a different exception.

Immediately after this method is called, Task.cancelled() will
not return True (unless the task was already cancelled).  A
task will be marked as cancelled when the wrapped coroutine
terminates with a CancelledError exception (even if cancel()
was not called).

This also increases the task's count of cancellation requests."""
            msg = None
            if args or kwargs:
                msg, = parse("cancel", args, kwargs, ("msg",), 0, 1)
                if msg is _NULL:
                    msg = None
            task_ready(self)
            self._fut_log_tb = False
            if self._fut_state != PENDING:
                return False
            self._task_num_cancels += 1
            waiter = self._task_fut_waiter
            if waiter is not None:
                if waiter.cancel(msg):
                    return True
            self._task_must_cancel = True
            self._fut_cancel_msg = msg
            return True

        def cancelling(self, *args, **kwargs):
            """Return the count of the task's cancellation requests.

This count is incremented when .cancel() is called
and may be decremented using .uncancel()."""
            if args or kwargs:
                no_args("Task.cancelling", args, kwargs)
            task_ready(self)
            return self._task_num_cancels

        def uncancel(self, *args, **kwargs):
            """Decrement the task's count of cancellation requests.

This should be used by tasks that catch CancelledError
and wish to continue indefinitely until they are cancelled again.

Returns the remaining number of cancellation requests."""
            if args or kwargs:
                no_args("Task.uncancel", args, kwargs)
            task_ready(self)
            if self._task_num_cancels > 0:
                self._task_num_cancels -= 1
            return self._task_num_cancels

        def get_stack(self, *args, **kwargs):
            """Return the list of stack frames for this task's coroutine.

If the coroutine is not done, this returns the stack where it is
suspended.  If the coroutine has completed successfully or was
cancelled, this returns an empty list.  If the coroutine was
terminated by an exception, this returns the list of traceback
frames.

The frames are always ordered from oldest to newest.

The optional limit gives the maximum number of frames to
return; by default all available frames are returned.  Its
meaning differs depending on whether a stack or a traceback is
returned: the newest frames of a stack are returned, but the
oldest frames of a traceback are returned.  (This matches the
behavior of the traceback module.)

For reasons beyond our control, only one stack frame is
returned for a suspended coroutine."""
            limit, = parse("get_stack", args, kwargs, ("limit",), 0, 0)
            return task_get_stack(self, None if limit is _NULL else limit)

        def print_stack(self, *args, **kwargs):
            """Print the stack or traceback for this task's coroutine.

This produces output similar to that of the traceback module,
for the frames retrieved by get_stack().  The limit argument
is passed to get_stack().  The file argument is an I/O stream
to which the output is written; by default output is written
to sys.stderr."""
            limit, file = parse("print_stack", args, kwargs, ("limit", "file"), 0, 0)
            return task_print_stack(self, None if limit is _NULL else limit,
                                    None if file is _NULL else file)

        def set_result(self, *args, **kwargs):
            one_arg("Task.set_result", args, kwargs)
            raise RuntimeError("Task does not support set_result operation")

        def set_exception(self, *args, **kwargs):
            one_arg("Task.set_exception", args, kwargs)
            raise RuntimeError("Task does not support set_exception operation")

        def get_coro(self, *args, **kwargs):
            if args or kwargs:
                no_args("Task.get_coro", args, kwargs)
            task_ready(self)
            return self._task_coro

        def get_name(self, *args, **kwargs):
            if args or kwargs:
                no_args("Task.get_name", args, kwargs)
            task_ready(self)
            return self._task_name

        def set_name(self, *args, **kwargs):
            value = one_arg("Task.set_name", args, kwargs)
            if type(value) is not str:
                value = str(value)
            self._task_name = value

    # The C type has the methods of Future again, as its own.
    for name in ("result", "exception", "add_done_callback", "remove_done_callback",
                 "cancelled", "done", "__await__", "__iter__"):
        func = Future.__dict__[name]
        setattr(Task, name, FunctionType(func.__code__, func.__globals__, name,
                                         func.__defaults__, func.__closure__))
        Task.__dict__[name].__kwdefaults__ = func.__kwdefaults__
        Task.__dict__[name].__doc__ = func.__doc__

    common_getsets(Task)

    def get_must_cancel(task):
        return task._task_must_cancel

    def set_log_destroy_pending(task, value):
        task._task_log_destroy_pending = bool(value)

    getset(Task, "_log_destroy_pending", lambda task: task._task_log_destroy_pending, set_log_destroy_pending)
    getset(Task, "_must_cancel", get_must_cancel)
    getset(Task, "_coro", lambda task: task._task_coro)
    getset(Task, "_fut_waiter", lambda task: task._task_fut_waiter)

    Future.__doc__ = FUTURE_DOC
    Task.__doc__ = "A coroutine wrapped in a Future."
    FutureIter.__doc__ = None
    TaskStepMethWrapper.__doc__ = None

    # Names as the C module's: `_asyncio.Future`, `Future.result`... (the
    # classes are made in this function, whose name would show).
    for cls in (Future, Task, FutureIter, TaskStepMethWrapper):
        cls.__qualname__ = cls.__name__
        for name, value in list(cls.__dict__.items()):
            func = value
            if isinstance(value, (classmethod, staticmethod)):
                func = value.__func__
            elif isinstance(value, property):
                for accessor in (value.fget, value.fset, value.fdel):
                    if isinstance(accessor, FunctionType):
                        accessor.__qualname__ = cls.__name__ + "." + name
                continue
            if isinstance(func, FunctionType):
                func.__qualname__ = cls.__name__ + "." + name
    for func in (_get_running_loop, _set_running_loop, get_running_loop, get_event_loop,
                 _get_event_loop, _register_task, _unregister_task, _enter_task, _leave_task):
        func.__qualname__ = func.__name__

    try:
        from _pyrite import builtin_type
    except ImportError:
        builtin_type = None
    if builtin_type is not None:
        for cls in (Future, Task, FutureIter):
            builtin_type(cls, "_asyncio." + cls.__name__)
        builtin_type(TaskStepMethWrapper, "TaskStepMethWrapper")

    def link():
        nonlocal get_event_loop_policy, future_repr, task_repr, task_get_stack
        nonlocal task_print_stack, iscoroutine, extract_stack, InvalidStateError, CancelledError
        from asyncio import events, base_futures, exceptions, base_tasks, coroutines
        import traceback
        get_event_loop_policy = events.get_event_loop_policy
        future_repr = base_futures._future_repr
        InvalidStateError = exceptions.InvalidStateError
        CancelledError = exceptions.CancelledError
        task_repr = base_tasks._task_repr
        task_get_stack = base_tasks._task_get_stack
        task_print_stack = base_tasks._task_print_stack
        iscoroutine = coroutines.iscoroutine
        extract_stack = traceback.extract_stack

        # The C functions' signatures (for inspect.signature and help()),
        # where the Python ones check their arguments themselves.
        import inspect  # asyncio.coroutines has imported it
        for func, text in (
                (Future.__init__, "(self, /, *, loop=None)"),
                (Task.__init__, "(self, /, coro, *, loop=None, name=None, context=None)"),
                (Future.cancel, "(self, /, msg=None)"), (Task.cancel, "(self, /, msg=None)"),
                (Task.cancelling, "(self, /)"), (Task.uncancel, "(self, /)"),
                (Task.get_coro, "(self, /)"), (Task.get_name, "(self, /)"),
                (Task.get_stack, "(self, /, *, limit=None)"),
                (Task.print_stack, "(self, /, *, limit=None, file=None)"),
                (Task.set_result, "(self, result, /)"), (Task.set_exception, "(self, exception, /)"),
                (Task.set_name, "(self, value, /)"),
                (_enter_task, "(loop, task)"), (_leave_task, "(loop, task)"),
                (_register_task, "(task)"), (_unregister_task, "(task)"),
                (_get_running_loop, "()"), (get_running_loop, "()"), (get_event_loop, "()"),
                (_set_running_loop, "(loop, /)"), (_get_event_loop, "(stacklevel=3)")):
            namespace = {}
            exec("def f%s: pass" % text, namespace)
            func.__signature__ = inspect.signature(namespace["f"])

    names = {
        "Future": Future, "Task": Task,
        "_all_tasks": all_tasks, "_current_tasks": current_tasks,
        "_enter_task": _enter_task, "_leave_task": _leave_task,
        "_register_task": _register_task, "_unregister_task": _unregister_task,
        "_get_event_loop": _get_event_loop, "get_event_loop": get_event_loop,
        "_get_running_loop": _get_running_loop, "_set_running_loop": _set_running_loop,
        "get_running_loop": get_running_loop,
    }
    return names, link


_names, _link = _make()
globals().update(_names)


def _hide(code):
    # This file's frames stand for C functions, which have none in CPython:
    # they add no traceback entries (Pyrite's _pyrite).
    hide_from_tracebacks(code)
    for const in code.co_consts:
        if type(const) is type(code):
            _hide(const)


try:
    from _pyrite import hide_from_tracebacks
except ImportError:
    pass
else:
    _hide(_make.__code__)
    del hide_from_tracebacks
del _make, _names, _hide
try:
    _link()
finally:
    del _link
