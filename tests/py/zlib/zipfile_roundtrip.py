# zipfile over zlib: deflated and stored members, appending, in a temporary directory.
import os
import tempfile
import zipfile
import zlib

payload = b"".join(b"%05d the rain in spain falls mainly on the plain\n" % i for i in range(2000))
text = "\n".join("ligne %d: é è ü ß €" % i for i in range(300))

with tempfile.TemporaryDirectory() as d:
    # zipfile: stored and deflated members
    z = os.path.join(d, "a.zip")
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("payload.txt", payload)
        zf.writestr("text.txt", text.encode("utf-8"))
        zf.writestr("stored.bin", bytes(range(256)), compress_type=zipfile.ZIP_STORED)
        zf.writestr("empty", b"")
        with zf.open("streamed.txt", "w") as w:
            for i in range(100):
                w.write(b"streamed %d\n" % i)
    with zipfile.ZipFile(z) as zf:
        for info in zf.infolist():
            print(info.filename, info.compress_type, info.file_size, info.CRC == zlib.crc32(zf.read(info)))
        print(zf.read("payload.txt") == payload, zf.read("text.txt").decode("utf-8") == text)
        print(zf.testzip())
        with zf.open("payload.txt") as r:
            print(r.read(7), r.readline())
    with zipfile.ZipFile(z, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("added.txt", b"appended " * 100)
    with zipfile.ZipFile(z) as zf:
        print(zf.namelist(), zf.read("added.txt")[:18])

