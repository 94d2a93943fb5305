# gzip and tarfile (gz) over zlib, in a temporary directory.
import gzip
import io
import os
import tarfile
import tempfile

import zlib

payload = b"".join(b"%05d the rain in spain falls mainly on the plain\n" % i for i in range(2000))
text = "\n".join("ligne %d: é è ü ß €" % i for i in range(300))

# gzip in memory (mtime fixed so the bytes are deterministic)
blob = gzip.compress(payload, mtime=0)
print(len(blob), blob[:4].hex(), gzip.decompress(blob) == payload)
print(gzip.decompress(gzip.compress(b"", mtime=0)))
print(gzip.decompress(gzip.compress(b"a", mtime=0) + gzip.compress(b"b", mtime=0)))
bio = io.BytesIO()
with gzip.GzipFile(fileobj=bio, mode="wb", mtime=0, compresslevel=1) as f:
    f.write(payload[:1000])
    f.write(payload[1000:])
print(len(bio.getvalue()), gzip.decompress(bio.getvalue()) == payload)
try:
    gzip.decompress(blob[:-5])
except EOFError as e:
    print("EOFError", e)
try:
    gzip.decompress(b"not gzip at all")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "data.gz")
    with gzip.open(p, "wb") as f:
        f.write(payload)
    with gzip.open(p, "rb") as f:
        print(f.read(10), f.readline(), len(f.read()))
    with gzip.open(p, "rb") as f:
        f.seek(50000)
        print(f.read(20))
    with gzip.open(os.path.join(d, "t.gz"), "wt", encoding="utf-8") as f:
        f.write(text)
    with gzip.open(os.path.join(d, "t.gz"), "rt", encoding="utf-8") as f:
        lines = f.readlines()
        print(len(lines), lines[-1])

    # tarfile with gzip
    src = os.path.join(d, "src")
    os.mkdir(src)
    for name, content in (("one.txt", payload), ("two.txt", b"two\n" * 50)):
        with open(os.path.join(src, name), "wb") as f:
            f.write(content)
    t = os.path.join(d, "a.tar.gz")
    with tarfile.open(t, "w:gz") as tf:
        tf.add(os.path.join(src, "one.txt"), arcname="one.txt")
        tf.add(os.path.join(src, "two.txt"), arcname="two.txt")
    with tarfile.open(t, "r:gz") as tf:
        names = tf.getnames()
        print(names, tf.extractfile("one.txt").read() == payload, tf.extractfile("two.txt").read(8))
    with tarfile.open(t) as tf:
        print([m.size for m in tf.getmembers()])
