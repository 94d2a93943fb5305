# random.py seeds str/bytes through _sha512.sha512, and tempfile (which
# imports random) works on top: the check that `import tempfile`
# succeeds once _sha512 exists.
import random, tempfile, os

for s in ['hello', b'bytes', bytearray(b'ba'), '\xe9' * 50, '']:
    random.seed(s)
    print(repr(s)[:20], random.random(), random.randrange(1000), random.getrandbits(70))
random.seed(12345)
print(random.sample(range(100), 5), random.choice('abcdef'), round(random.gauss(0, 1), 12), random.randbytes(6))
r = random.Random('seed')
print(r.random(), r.randint(1, 6), r.getstate()[1][:3])

print(tempfile.gettempprefix(), tempfile.gettempdir() == os.path.realpath(tempfile.gettempdir()) or True)
fd, path = tempfile.mkstemp(suffix='.txt', prefix='pyr_')
os.write(fd, b'data')
os.close(fd)
print(os.path.basename(path).startswith('pyr_'), path.endswith('.txt'), open(path, 'rb').read())
os.unlink(path)
with tempfile.TemporaryDirectory(prefix='pyrd_') as d:
    p = os.path.join(d, 'f')
    with open(p, 'w') as f:
        f.write('hello')
    print(os.path.basename(d).startswith('pyrd_'), os.listdir(d), open(p).read())
print(os.path.exists(d))
with tempfile.NamedTemporaryFile('w+') as f:
    f.write('abc')
    f.seek(0)
    print(f.read(), os.path.exists(f.name))
with tempfile.TemporaryFile() as f:
    f.write(b'xyz')
    f.seek(0)
    print(f.read())
with tempfile.SpooledTemporaryFile(max_size=4) as f:
    f.write(b'12')
    print(f._rolled)
    f.write(b'345')
    print(f._rolled)
names = tempfile._get_candidate_names()
print(len(next(names)), len(next(names)))
