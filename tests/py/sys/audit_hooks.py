# sys.addaudithook and sys.audit: hooks see sys.audit events in order with
# their arguments, the hooks already added see "sys.addaudithook" and may
# veto a new hook by raising an Exception; errors propagate from audit.
# (Only this program's own events are printed: CPython also raises events
# from C code that Pyrite does not.)
import sys

log = []
def mine(event):
    return event.startswith('test.') or event == 'sys.addaudithook'

def first(event, args):
    if mine(event):
        log.append(('first', event, args))
print(sys.audit('test.nohooks', 1))
print(sys.addaudithook(first))
sys.audit('test.event', 1, 'two', [3])
sys.audit('test.empty')

def second(event, args):
    if mine(event):
        log.append(('second', event, args))
    if event == 'test.fail':
        raise ValueError('vetoed ' + event)
sys.addaudithook(hook=second)
sys.audit('test.both', None)
try:
    sys.audit('test.fail', 'x')
except ValueError as e:
    print('ValueError', e)

def veto(event, args):
    if event == 'sys.addaudithook':
        raise RuntimeError('no more hooks')
def never(event, args):
    log.append(('never', event))
# veto is added (the existing hooks approve); from then on it refuses others.
sys.addaudithook(veto)
print(sys.addaudithook(never))
sys.audit('test.after')
for entry in log:
    print(entry)
for bad in [(), (1,), (b'x',)]:
    try:
        sys.audit(*bad)
    except TypeError as e:
        print('TypeError', e)
try:
    sys.addaudithook()
except TypeError as e:
    print('TypeError', e)
class Stop(BaseException):
    pass
def stopper(event, args):
    if event == 'sys.addaudithook':
        raise Stop('base exceptions propagate')
sys.addaudithook(stopper)
try:
    sys.addaudithook(print)
except Stop as e:
    print('Stop', e)
