#!/usr/bin/env python3.11
"""Writes float_cases.txt: CPython 3.11's answers for the float algorithms of
src/python/runtime (repr, format, %, round, hex, fromhex, float(str), the
arithmetic operators, hash). Read by tests/unit/runtime_num_float_test.cpp.

Run: python3.11 tests/unit/data/gen_float_cases.py > tests/unit/data/float_cases.txt
One case per line, fields separated by tabs; doubles are written as the 16
hex digits of their bit pattern; an expected error is '!Kind: message'.
"""
import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"
# PYRITE_GEN_SEED / PYRITE_GEN_SCALE make a different or larger table for a
# one-off stress run (write it over the committed file, run, git checkout).
rng = random.Random(int(os.environ.get('PYRITE_GEN_SEED', '20261202')))
SCALE = int(os.environ.get('PYRITE_GEN_SCALE', '1'))


def bits(x):
    return struct.pack('>d', x).hex()


def from_bits(h):
    return struct.unpack('>d', bytes.fromhex(h))[0]


def outcome(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001 - the error is the expected answer
        return f'!{type(e).__name__}: {e}'
    if isinstance(r, float):
        return bits(r)
    return str(r)


def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def values():
    special = [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 0.5, 1.5, 2.5, -2.5,
               0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
               0.0001, 0.00001, 123.0, 123.456, 1e22, 1e23, 5e-324, -5e-324, 2.2250738585072014e-308,
               2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 2.675,
               0.125, 0.375, 1234567.0, 12345678901234567890.0, 0.5e-3, 100.0, 1e100, 3.14159,
               -0.4, 0.05, 0.15, 0.25, 0.35, 5.0, 15.0, 25.0, 1e300, 1e-300, 4.35, 8.875]
    vals = list(special)
    for _ in range(700 * SCALE):  # random bit patterns
        vals.append(from_bits('%016x' % rng.getrandbits(64)))
    for _ in range(700 * SCALE):  # "nice" decimals
        digits = rng.randint(1, 17)
        mant = rng.randint(0, 10 ** digits - 1)
        exp = rng.randint(-25, 25) if rng.random() < 0.8 else rng.randint(-330, 308)
        v = float(f'{mant}e{exp}')
        vals.append(-v if rng.random() < 0.3 else v)
    for _ in range(300 * SCALE):  # dyadic values: exact ties for round()
        v = rng.randint(-10 ** 6, 10 ** 6) / 2 ** rng.randint(0, 12)
        vals.append(v)
    for _ in range(200 * SCALE):  # integers and powers
        vals.append(float(rng.choice([rng.randint(-10 ** 6, 10 ** 6), 2 ** rng.randint(0, 1023),
                                      10 ** rng.randint(0, 308)])))
    return vals


def rand_spec(for_int=False):
    parts = []
    if rng.random() < 0.3:
        fill = rng.choice(['', '', '*', '0', ' ', 'x', '\u20ac'])
        parts.append(fill + rng.choice('<>=^'))
    if rng.random() < 0.4:
        parts.append(rng.choice('+- '))
    if rng.random() < 0.1:
        parts.append('z')
    if rng.random() < 0.2:
        parts.append('#')
    if rng.random() < 0.2:
        parts.append('0')
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 30)))
    if rng.random() < 0.25:
        parts.append(rng.choice([',', '_']))
    if rng.random() < 0.6:
        parts.append('.' + str(rng.choice([0, 1, 2, 3, 5, 6, 10, 17, 20, rng.randint(0, 60)])))
    types = 'eEfFgGn%' if not for_int else 'bcdoxXneEfFgG%'
    if rng.random() < 0.85:
        parts.append(rng.choice(types + ' '))
        if parts[-1] == ' ':
            parts[-1] = ''
    elif rng.random() < 0.5:
        parts.append(rng.choice('sqd'))
    return ''.join(parts)


def rand_percent(types):
    flags = ''.join(f for f in '-+ #0' if rng.random() < 0.25)
    width = str(rng.randint(1, 25)) if rng.random() < 0.5 else ''
    prec = '.' + str(rng.randint(0, 20)) if rng.random() < 0.6 else ''
    return '%' + flags + width + prec + rng.choice(types)


FIXED_SPECS = ['', '.0', '.1', '.3', '.17', 'e', '.3e', 'E', 'f', '.2f', 'F', 'g', '.3g', 'G',
               '#', '#g', '#.3', '#.0f', '#.0e', '%', '.1%', ',', ',.2f', '_.3f', '020,.2f',
               '+', ' ', 'z', 'z.1f', '>12', '<12', '^12', '=+12', '012', 'x^15.4e', 'n', '.20e',
               '.40f', '.100g', '#.30g', '.80e', '.65f', '#.70', '.300f']


def main():
    out = []
    vals = values()
    for v in vals:
        b = bits(v)
        out.append(f'repr\t{b}\t{repr(v)}')
        out.append(f'hex\t{b}\t{v.hex()}')
        out.append(f'hash\t{b}\t{hash(v) if not math.isnan(v) else 0}')
        out.append(f'parse\t{esc(repr(v))}\t{b}')
        if math.isfinite(v):
            out.append(f'fromhex\t{v.hex()}\t{b}')
        for nd in (0, 1, 2, 3, rng.randint(-20, 20), rng.randint(-320, 330)):
            out.append(f'round\t{b}\t{nd}\t{outcome(lambda: round(v, nd))}')
        out.append(f'round0\t{b}\t{outcome(lambda: float(round(v)) if math.isfinite(v) else v)}')
        for spec in rng.sample(FIXED_SPECS, 3) + [rand_spec(), rand_spec()]:
            out.append(f'format\t{b}\t{spec}\t{outcome(lambda: format(v, spec))}')
        pspec = rand_percent('eEfFgG')
        out.append(f'percent\t{b}\t{pspec}\t{pspec % v}')
    # Arithmetic on pairs, including signed zeros and infinities.
    edge = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, math.inf, -math.inf, math.nan, 1e308,
            -1e308, 1e-308, 7.0, -7.0, 0.3, 2.5, -3.5, 10.0, 1e-320]
    pairs = [(a, b) for a in edge for b in edge]
    for _ in range(800 * SCALE):
        pairs.append((rng.choice(vals), rng.choice(vals)))
        pairs.append((rng.uniform(-100, 100), rng.uniform(-10, 10)))
        pairs.append((rng.uniform(-10, 10), float(rng.randint(-40, 40)) / rng.choice([1, 2, 4])))
    for a, b in pairs:
        ba, bb = bits(a), bits(b)
        out.append(f'div\t{ba}\t{bb}\t{outcome(lambda: a / b)}')
        out.append(f'mod\t{ba}\t{bb}\t{outcome(lambda: a % b)}')
        out.append(f'floordiv\t{ba}\t{bb}\t{outcome(lambda: a // b)}')
        out.append(f'divmod\t{ba}\t{bb}\t{outcome(lambda: "%s %s" % tuple(map(bits, divmod(a, b))))}')
        try:
            complex_result = isinstance(a ** b, complex)
        except Exception as e:  # noqa: BLE001
            complex_result = 'complex' in str(e)
        # A complex power is the caller's: the runtime only says so.
        r = '!complex' if complex_result else outcome(lambda: a ** b)
        out.append(f'pow\t{ba}\t{bb}\t{r}')
    # float(str) syntax, fromhex syntax.
    texts = ['1_0', '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0', '1e_1', '.5', '5.', '.', 'e5', '1e',
             '1e+', '+1.5', '-1.5', '++1', 'inf', '-Infinity', 'iNfInItY', 'nan', '-NaN', 'nan1',
             'infinit', ' 1.5 ', '\t2\n', '0x10', '1e400', '-1e400', '1e-400', '-1e-400', '1 2',
             '', ' ', '1e99999999999999999999', '0.' + '0' * 400 + '1', '1' * 400, '0e0', '00.5',
             '4.9406564584124654e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
             '1.7976931348623158e308', '1.7976931348623159e308', '9007199254740993', '0.1e-0',
             '\x1c5', '5\x1f', '\x0b5\x0c', '1\x00',
             '0e99999999999999999999', '-0.000e-99999999999999', '1e-99999999999999999999',
             '0' * 30 + '1e-30', '0.' + '0' * 330 + '1e330', '1' + '0' * 400 + 'e-400', '9' * 20 + 'e-344',
             '1_000.000_1e1_0', '1.5E+3', '1.5e-3']
    for t in texts:
        out.append(f'parse\t{esc(t)}\t{outcome(lambda: float(t))}')
    hexes = ['0x1p0', '0X1P0', '1', '-0x1.8p1', '0x.8', '0x1.', '.8', 'a', 'ff', '0x', 'x1', '0xp1',
             '0x1p', '0x1p+', '0x1p-1074', '0x1p-1075', '0x1.8p-1075', '0x1.0000000000001p-1075',
             '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '0x1p1024', '0x1p99999',
             '-0x1p99999999999999999', '0x1p-99999999999999999', 'inf', '-INFINITY', 'nan',
             ' 0x1p0 ', '0x1_0', '0x1.000000000000080000000001p0', '0x1.00000000000008p0',
             '0x1.00000000000018p0', '0x0000000000000000000001p0', '0x123456789abcdef0123p-8',
             '0x.00000000000000000000001p-900', '0x1p-1022', '0x0.fffffffffffffp-1022', '+0x0p0',
             '-0x0p0', '0x1e', '0x1.p+1', '1p1', '1.p1', '.p1']
    for t in hexes:
        out.append(f'fromhex\t{esc(t)}\t{outcome(lambda: float.fromhex(t))}')
    sys.stdout.buffer.write(('\n'.join(out) + '\n').encode('utf-8', 'surrogatepass'))


main()
