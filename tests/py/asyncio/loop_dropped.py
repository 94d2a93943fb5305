# An event loop dropped without close() (issue #6): BaseEventLoop.__del__
# must run while its self-pipe sockets are still open, so closing the loop
# from __del__ works and no "Invalid file descriptor" error is reported.
import asyncio
import gc
import sys
import warnings

def make_and_drop():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.sleep(0))
    # dropped without loop.close()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for _ in range(3):
        make_and_drop()
        gc.collect()
print(sorted({(w.category.__name__, str(w.message)[:30]) for w in caught}))

errors = []
def hook(unraisable):
    errors.append(f"{unraisable.exc_type.__name__}: {unraisable.exc_value}")
sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for _ in range(3):
        make_and_drop()
        gc.collect()
print("unraisable:", errors)

