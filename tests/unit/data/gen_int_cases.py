#!/usr/bin/env python3.11
"""Writes int_cases.txt: CPython 3.11's answers for the int and format-spec
algorithms of src/python/runtime (format() of int and str, % of int, int(str,
base), str/bin/oct/hex, int -> float, int / int, //, %, pow(a, b, m),
to_bytes/from_bytes, bit_length/bit_count, hash, shifts). Read by
tests/unit/runtime_num_int_test.cpp.

Run: python3.11 tests/unit/data/gen_int_cases.py > tests/unit/data/int_cases.txt
One case per line, fields separated by tabs; ints in decimal; doubles as the
16 hex digits of their bit pattern; an expected error is '!Kind: message'.
Text fields escape backslash, tab and newline as \\\\, \\t, \\n.
"""
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"
sys.set_int_max_str_digits(0)
# PYRITE_GEN_SEED / PYRITE_GEN_SCALE make a different or larger table for a
# one-off stress run (write it over the committed file, run, git checkout).
rng = random.Random(int(os.environ.get('PYRITE_GEN_SEED', '4300')))
SCALE = int(os.environ.get('PYRITE_GEN_SCALE', '1'))


def bits(x):
    return struct.pack('>d', x).hex()


def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def outcome(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001 - the error is the expected answer
        return f'!{type(e).__name__}: {e}'
    if isinstance(r, float):
        return bits(r)
    if isinstance(r, bytes):
        return r.hex() or '-'
    if isinstance(r, tuple):
        return ' '.join(map(str, r))
    return str(r)


def ints():
    vals = [0, 1, -1, 2, 7, -7, 10, 65, 255, -255, 1000, 1234, -1234, 1234567, 2 ** 31, 2 ** 32,
            2 ** 53, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63, 2 ** 63, -2 ** 63 - 1, 2 ** 64, 10 ** 20,
            -10 ** 20, 0x10FFFF, 0x110000, 0x10000, 0xD800, 2 ** 1023, 2 ** 1024, 2 ** 1024 - 2 ** 970,
            2 ** 1024 - 2 ** 971, 2 ** 1024 - 2 ** 970 - 1, 10 ** 308, 10 ** 309, 2 ** 61 - 1, 2 ** 61,
            -(2 ** 61 - 1), 2 ** 61 - 2, -2 ** 61 + 2]
    for _ in range(400 * SCALE):
        vals.append(rng.randint(-2 ** 63, 2 ** 63 - 1))
    for _ in range(300 * SCALE):
        vals.append(rng.randint(-1000, 1000))
    for _ in range(250 * SCALE):
        nb = rng.choice([65, 70, 100, 128, 200, 500, 1030, 1100, rng.randint(54, 1200)])
        v = rng.getrandbits(nb)
        if rng.random() < 0.3:  # ties and near-ties for rounding
            v = (v >> 60 << 60) | rng.choice([1 << 59, (1 << 59) - 1, (1 << 59) + 1, 0])
        vals.append(-v if rng.random() < 0.4 else v)
    return vals


def rand_spec():
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(['', '', '*', '0', ' ', 'x', '\u20ac']) + rng.choice('<>=^'))
    if rng.random() < 0.4:
        parts.append(rng.choice('+- '))
    if rng.random() < 0.07:
        parts.append('z')
    if rng.random() < 0.3:
        parts.append('#')
    if rng.random() < 0.2:
        parts.append('0')
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 40)))
    if rng.random() < 0.3:
        parts.append(rng.choice([',', '_']))
    if rng.random() < 0.1:
        parts.append('.' + str(rng.randint(0, 20)))
    if rng.random() < 0.9:
        parts.append(rng.choice(['', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'f', 'g', 'G', '%', 's', 'q']))
    return ''.join(parts)


FIXED_SPECS = ['', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', ',', '_', '_b', '_x', '#_x',
               '010', '#010x', '010,', '09,', '011_', '+', ' ', '-', '=+10', '<10', '>10', '^10',
               '*^11,', 'c', '5c', '<3c', 'n', 'e', '.3e', 'f', '.2f', 'g', '%', ',.2f', '.2', 'z',
               '+c', '#c', ',c', ',x', '_n', ',b', ',,', ',_', '_,', '__', 'z.2', 'zd', 'q', 's', '=5s']


def main():
    out = []
    vals = ints()
    for v in vals:
        if abs(v) < 2 ** 70:
            specs = (FIXED_SPECS if rng.random() < 0.15 else rng.sample(FIXED_SPECS, 4)) + \
                [rand_spec() for _ in range(3)]
        else:
            specs = rng.sample(FIXED_SPECS, 2) + [rand_spec()]
        for spec in specs:
            out.append(f'format\t{v}\t{esc(spec)}\t{esc(outcome(lambda: format(v, spec)))}')
        for _ in range(2 * SCALE):
            flags = ''.join(f for f in '-+ #0' if rng.random() < 0.25)
            width = str(rng.randint(1, 30)) if rng.random() < 0.5 else ''
            prec = '.' + str(rng.randint(0, 25)) if rng.random() < 0.3 else ''
            pspec = '%' + flags + width + prec + rng.choice('diuoxX')
            out.append(f'percent\t{v}\t{pspec}\t{pspec % v}')
        if abs(v) < 2 ** 300:
            out.append(f'bin\t{v}\t{bin(v)}\t{oct(v)}\t{hex(v)}')
        out.append(f'todouble\t{v}\t{outcome(lambda: float(v))}')
        out.append(f'hash\t{v}\t{hash(v)}')
        out.append(f'bits\t{v}\t{v.bit_length()}\t{v.bit_count()}')
        w = rng.choice(vals)
        out.append(f'truediv\t{v}\t{w}\t{outcome(lambda: v / w)}')
        out.append(f'floordiv\t{v}\t{w}\t{outcome(lambda: v // w)}')
        out.append(f'mod\t{v}\t{w}\t{outcome(lambda: v % w)}')
        out.append(f'divmod\t{v}\t{w}\t{outcome(lambda: divmod(v, w))}')
        small = rng.randint(-30, 30)
        out.append(f'truediv\t{v}\t{small}\t{outcome(lambda: v / small)}')
        out.append(f'truediv\t{small}\t{v}\t{outcome(lambda: small / v)}')
        out.append(f'mod\t{v}\t{small}\t{outcome(lambda: v % small)}')
        e = rng.choice([0, 1, 2, 3, -1, -2, 65537, rng.randint(-100, 10 ** 6)])
        m = rng.choice([1, -1, 0, 7, -7, 2 ** 61 - 1, 10 ** 9 + 7, -(10 ** 9 + 7), 2 ** 100, rng.randint(-10 ** 30, 10 ** 30)])
        out.append(f'powmod\t{v}\t{e}\t{m}\t{outcome(lambda: pow(v, e, m))}')
        n = rng.choice([0, 1, 2, 3, 31, 64, 65, 200, -1, rng.randint(0, 100)])
        out.append(f'lshift\t{v}\t{n}\t{outcome(lambda: v << n)}')
        out.append(f'rshift\t{v}\t{n}\t{outcome(lambda: v >> n)}')
        length = rng.choice([0, 1, 2, 4, 8, 9, 16, (abs(v).bit_length() + 7) // 8, (abs(v).bit_length() + 8) // 8])
        for order, signed in rng.sample([('big', False), ('big', True), ('little', False), ('little', True)], 2):
            if True:
                out.append(f'tobytes\t{v}\t{length}\t{order}\t{int(signed)}\t'
                           f'{outcome(lambda: v.to_bytes(length, order, signed=signed))}')
    for v in (-257, -256, -255, -129, -128, -127, -2, -1, 0, 1, 127, 128, 255, 256, 65535, 65536):
        for length in (0, 1, 2, 3):
            for order in ('big', 'little'):
                for signed in (False, True):
                    out.append(f'tobytes\t{v}\t{length}\t{order}\t{int(signed)}\t'
                               f'{outcome(lambda: v.to_bytes(length, order, signed=signed))}')
    for _ in range(300 * SCALE):
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 20)))
        for order in ('big', 'little'):
            for signed in (False, True):
                out.append(f'frombytes\t{data.hex() or "-"}\t{order}\t{int(signed)}\t'
                           f'{int.from_bytes(data, order, signed=signed)}')
    # float -> int, as_integer_ratio, exact int/float comparison.
    floats = [0.0, -0.0, 0.5, -0.5, 1.0, -1.5, 2.5, 1e16, 1e300, -1e300, 5e-324, 0.1, 2.0 ** 63, -2.0 ** 63,
              2.0 ** 64, float('inf'), float('-inf'), float('nan'), 1.7976931348623157e308, 123.456]
    for _ in range(300 * SCALE):
        floats.append(struct.unpack('>d', rng.getrandbits(64).to_bytes(8, 'big'))[0])
        w = rng.choice(vals)
        floats.append(float(w) if abs(w) < 2 ** 1000 and rng.random() < 0.9 else rng.uniform(-1e6, 1e6))
    for x in floats:
        if not x == x:
            out.append(f'fromdouble\t{bits(x)}\t{outcome(lambda: int(x))}')
            out.append(f'ratio\t{bits(x)}\t{outcome(lambda: x.as_integer_ratio())}')
            continue
        out.append(f'fromdouble\t{bits(x)}\t{outcome(lambda: int(x))}')
        out.append(f'ratio\t{bits(x)}\t{outcome(lambda: x.as_integer_ratio())}')
        near = [rng.choice(vals)]
        if x not in (float('inf'), float('-inf')):
            t = int(x)
            near += [t - 1, t, t + 1]
        for v in near:
            out.append(f'cmpdouble\t{v}\t{bits(x)}\t{(v > x) - (v < x)}')
    for v in vals[:300]:
        nd = rng.choice([0, 1, -1, -2, -3, -5, -10, -20, -400, rng.randint(-30, 3)])
        out.append(f'roundint\t{v}\t{nd}\t{round(v, nd)}')
        e = rng.choice([0, 1, 2, 3, 7, 20]) if abs(v) > 2 ** 64 else rng.choice([0, 1, 2, 5, 13, 40, 64])
        out.append(f'pow\t{v}\t{e}\t{v ** e}')
    for v in (0, 1, -1, 5, -5, 25, -25, 35, 15, -15, 150, 250, 350, 10 ** 20 + 5 * 10 ** 19):
        for nd in (-1, -2, -20, -21):
            out.append(f'roundint\t{v}\t{nd}\t{round(v, nd)}')
    for v in (0, 1, -1):
        for e in (0, 1, 2, 3, 10 ** 18):
            out.append(f'pow\t{v}\t{e}\t{v ** e}')
    # Decimal formatting of an int obeys the digit limit; other bases do not.
    def limited(f):
        sys.set_int_max_str_digits(4300)
        try:
            return outcome(f)
        finally:
            sys.set_int_max_str_digits(0)
    for v in (10 ** 4299, -10 ** 4299, 10 ** 4300 + 17, -7 ** 5200):
        for spec in ('', 'd', ',', 'n', 'x', '.2', 'c', 'e', '=+5000'):
            out.append(f'format\t{v}\t{spec}\t{limited(lambda: format(v, spec))}')
        for spec in ('%d', '%o', '%i', '%5u'):
            out.append(f'percent\t{v}\t{spec}\t{limited(lambda: spec % v)}')
    # str() under the digit limit.
    for digits in (1, 10, 4299, 4300, 4301, 5000):
        for sign in (1, -1):
            v = sign * (10 ** (digits - 1) + rng.randint(0, 10 ** (digits - 1)))
            for limit in (0, 4300, 640, 5000) if digits < 1000 else (4300,):
                def conv():
                    sys.set_int_max_str_digits(limit)
                    try:
                        return str(v)
                    finally:
                        sys.set_int_max_str_digits(0)
                out.append(f'str\t{v}\t{limit}\t{outcome(conv)}')
    # int(text, base).
    texts = ['0', '00', '0_0', '0_1', '010', '0x_1f', '0x1f', '0X1F', '0o17', '0O17', '0b101', '0B101',
             '_1', '1_', '1__0', '1_0', ' 12 ', '\t-12\n', '+12', '- 12', '--1', '', ' ', '0x', '0x_',
             '0b2', '12a', 'z', 'Z', '1' * 30, '-0', '+0_0', '0_', '0__0', '1_000_000', 'ffff', 'FFff',
             '0x1_f_f', '0b_1', '0o_7', '0_x1', '1 2', '\x1c5\x1f', '9' * 4300, '9' * 4301, '1_' * 4300 + '1',
             '0' * 5000, '-' + '7' * 5000, '7' * 5000 + 'x', 'g', '36', 'zz', '0o8', '08', '0b', '0x0', '0xg']
    for t in texts:
        for base in (0, 2, 8, 10, 16, 36, 3, 7, 1, 37) if len(t) < 100 else (0, 10, 16):
            def conv():
                sys.set_int_max_str_digits(4300)
                try:
                    return int(t, base)
                finally:
                    sys.set_int_max_str_digits(0)
            r = outcome(conv)
            if r.startswith('!ValueError: invalid literal'):
                r = '!invalid'
            out.append(f'parse\t{esc(t)}\t{base}\t{r}')
    # format() of str.
    strs = ['', 'a', 'abc', 'h\u00e9llo', '\u20ac\u20ac', '\U0001F600x']
    sspecs = ['', 's', '5', '<5', '>5', '^6', '*^7', '05', '0>5', '.2', '7.1', '+', '-', ' ', 'z', '#', '=5',
              '=5s', 'x', 'd', ',', '_s', '\u20ac^9.3s', '.0', '..', '5.', 'ss', '0=5']
    for s in strs:
        for spec in sspecs:
            out.append(f'fstr\t{esc(s)}\t{esc(spec)}\t{esc(outcome(lambda: format(s, spec)))}')
    sys.stdout.buffer.write(('\n'.join(out) + '\n').encode('utf-8', 'surrogatepass'))


main()
