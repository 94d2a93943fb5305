# Seeding random.py with str, bytes and bytearray: version 2 turns them into
# an int through SHA-512 (mod_random_env supplies one where _sha512 is
# missing), version 1 through random.py's own string hash.
import mod_random_env  # stands in for modules Pyrite does not have yet
import random

for seed in ['abc', 'Ünïcode ☃', '', b'abc', bytearray(b'abc'), b'\xff' * 130]:
    random.seed(seed)
    print(repr(seed)[:24], random.random(), random.randint(-5, 5), random.getrandbits(70))
print(random.Random('seed').random() == random.Random(b'seed').random())
for seed in ['abc', 'Ünïcode ☃', '']:
    random.seed(seed, version=1)
    print('v1', repr(seed), random.random())
