# A file object that is no longer referenced is closed (and its buffers
# flushed) when it is collected, as CPython closes it when it is freed.
import gc
try:
    from os import getpid, remove
except ImportError:
    def getpid(): return 0
    def remove(path): pass

P = "/tmp/pyrite_io_finalize_close_%d.txt" % getpid()  # unique: other runs of the suite may be running this

def write_unclosed(text):
    f = open(P, "w")
    f.write(text)

def write_dropped(data):
    open(P, "wb").write(data)

write_unclosed("text written, never closed\n")
gc.collect()
with open(P) as f:
    print(repr(f.read()))
write_dropped(b"bytes written by a dropped file\n")
gc.collect()
with open(P, "rb") as f:
    print(f.read())
remove(P)

import io
class Raw(io.RawIOBase):
    def close(self):
        print("Raw.close, closed before:", self.closed)
        super().close()

def drop_raw():
    Raw()
drop_raw()
gc.collect()
print("after collect")
