# _thread.interrupt_main runs the signal's Python handler as if it had arrived.
import _thread, signal
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    _thread.interrupt_main()
    print('not reached')
except KeyboardInterrupt:
    print('KeyboardInterrupt')
got = []
signal.signal(signal.SIGUSR1, lambda n, f: got.append(n))
_thread.interrupt_main(signal.SIGUSR1)
print(got)
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
print('ignored')
_thread.interrupt_main(signal.SIGTERM)
print('default: nothing')
