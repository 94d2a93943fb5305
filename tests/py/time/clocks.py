# The clocks: types, monotonicity, agreement between the float and _ns
# forms, get_clock_info, clock_gettime, sleep and its errors.
import time


def show(f, *args, **kw):
    try:
        return repr(f(*args, **kw))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    f = getattr(time, name)
    fns = getattr(time, name + '_ns')
    a = f()
    b = fns()
    c = f()
    print(name, type(a).__name__, type(b).__name__, a <= c, abs(b / 1e9 - a) < 5, f.__name__)
    print('  ', time.get_clock_info(name))
    print('  ', show(f, 1), show(fns, x=1))

last = time.monotonic()
last_ns = time.monotonic_ns()
ok = True
for i in range(2000):
    now = time.monotonic()
    now_ns = time.monotonic_ns()
    ok = ok and now >= last and now_ns >= last_ns
    last, last_ns = now, now_ns
print('monotonic non-decreasing', ok)
print(time.time() > 1.6e9, time.time_ns() > 1.6e18, isinstance(time.time_ns(), int))

t0 = time.monotonic()
print(time.sleep(0), time.sleep(0.0), time.sleep(False), time.sleep(0.001), time.sleep(1e-9))
print('slept', time.monotonic() - t0 >= 0.001)
for arg in [-1, -0.001, -1e-12, 'a', float('nan'), 1e300, 2**63, 2**64, None, [], 1j, -float('inf')]:
    print('sleep', repr(arg), show(time.sleep, arg))
print(show(time.sleep), show(time.sleep, 1, 2), show(time.sleep, secs=1))

print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID,
      time.CLOCK_MONOTONIC_RAW, time.CLOCK_BOOTTIME, time.CLOCK_TAI, time._STRUCT_TM_ITEMS)
for clk in [time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID]:
    print(type(time.clock_gettime(clk)).__name__, type(time.clock_gettime_ns(clk)).__name__,
          time.clock_getres(clk), time.clock_gettime(clk) > 0)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 5)
print(show(time.clock_gettime, 99), show(time.clock_gettime_ns, 99), show(time.clock_getres, 99),
      show(time.clock_gettime), show(time.clock_gettime_ns), show(time.clock_getres), show(time.clock_getres, 'a'),
      show(time.clock_gettime_ns, 2**40), show(time.clock_gettime, -2**40), show(time.clock_gettime, 10**30),
      show(time.clock_gettime, 1.5))
print(show(time.clock_settime, 1), show(time.clock_settime_ns, 1), show(time.clock_settime_ns, 1, 1.5),
      show(time.clock_settime, 'a', 1), show(time.clock_settime, 1, 'a'), show(time.clock_settime_ns, 1, 2**64))
print(show(time.get_clock_info, 'nope'), show(time.get_clock_info, 5), show(time.get_clock_info, 'time\0'),
      show(time.get_clock_info), show(time.get_clock_info, 'time', 1), show(time.get_clock_info, name='time'))
print(show(time.pthread_getcpuclockid), show(time.pthread_getcpuclockid, 'a'), show(time.tzset, 1))
print(sorted(n for n in dir(time) if not n.startswith('__')))
