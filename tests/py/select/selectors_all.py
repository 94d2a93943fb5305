# The selectors module over each of select's mechanisms: SelectSelector,
# PollSelector, EpollSelector (the DefaultSelector here): register, modify,
# unregister, select with timeouts, get_key, get_map, the context manager.
import os, selectors, socket

print(selectors.DefaultSelector.__name__)
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    a, b = socket.socketpair()
    with cls() as sel:
        key = sel.register(a, selectors.EVENT_READ, data='a-read')
        print(cls.__name__, key.events, key.data, sel.get_key(a).fd == a.fileno())
        print(sel.select(timeout=0))
        b.send(b'x')
        print([(k.data, ev) for k, ev in sel.select(timeout=1)])
        sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data='a-both')
        print(sorted((k.data, ev) for k, ev in sel.select(0)))
        a.recv(1)
        print([(k.data, ev) for k, ev in sel.select(0)])
        sel.register(b, selectors.EVENT_WRITE, 'b-write')
        print(sorted(k.data for k in sel.get_map().values()), len(sel.get_map()))
        sel.unregister(a)
        try:
            sel.get_key(a)
        except KeyError as e:
            print('KeyError', type(e.args[0]).__name__)
        try:
            sel.register(b, selectors.EVENT_READ)
        except KeyError as e:
            print('KeyError', 'registered' in str(e))
        try:
            sel.register(a, 0)
        except ValueError as e:
            print('ValueError', e)
    print(sel.get_map() is None)
    a.close(); b.close()
