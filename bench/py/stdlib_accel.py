"""The stdlib's C accelerators at work (docs/bench.md): an event log is
packed into binary records with struct, unpacked again, sorted by
operator.itemgetter keys, merged and ranked with heapq, bucketed with
bisect, and summarized through functools.lru_cache, partial and reduce.

Pyrite runs its C++ _struct, _operator, _heapq, _bisect and _functools here
where CPython runs its C modules. The result is checked against a second
computation that uses none of them (plain loops, list.sort with lambdas,
int.to_bytes), so the accelerators must agree with the language itself.
"""
import bisect
import functools
import heapq
import operator
import struct

from _driver import expect, main

SIZES = {"small": 500, "quick": 30000, "full": 100000}

RECORD = struct.Struct("<IhHd")   # id, delta, kind, weight
BOUNDS = [-500, -100, -10, 0, 10, 100, 500]


def events(n):
    seed = 12345
    out = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        delta = (seed >> 8) % 2001 - 1000
        kind = (seed >> 4) % 7
        weight = ((seed >> 3) % 10007) / 97.0
        out.append((i, delta, kind, weight))
    return out


@functools.lru_cache(maxsize=64)
def kind_name(kind):
    return "kind%d" % kind


def run(n):
    data = b"".join(RECORD.pack(*e) for e in events(n))
    records = list(RECORD.iter_unpack(data))
    by_delta = sorted(records, key=operator.itemgetter(1, 0))
    by_weight = sorted(records, key=operator.itemgetter(3), reverse=True)
    top = heapq.nlargest(10, records, key=operator.itemgetter(3))
    merged = list(heapq.merge(by_delta[: n // 2], by_delta[n // 2:], key=operator.itemgetter(1)))
    buckets = [0] * (len(BOUNDS) + 1)
    for r in records:
        buckets[bisect.bisect_right(BOUNDS, r[1])] += 1
    names = [kind_name(r[2]) for r in records]
    total = functools.reduce(operator.add, map(operator.itemgetter(1), records), 0)
    scale = functools.partial(round, ndigits=3)
    return (by_delta[0], by_delta[-1], by_weight[0][0], [r[0] for r in top],
            merged == by_delta, buckets, names.count("kind3"), total,
            scale(sum(map(operator.itemgetter(3), records))), kind_name.cache_info().hits)


def check(n, result):
    evs = events(n)
    # The same facts without struct, operator, heapq, bisect or functools.
    recs = []
    for i, delta, kind, weight in evs:
        packed = (i.to_bytes(4, "little") + (delta & 0xffff).to_bytes(2, "little")
                  + kind.to_bytes(2, "little"))
        recs.append((int.from_bytes(packed[:4], "little"), delta, kind, weight))
    by_delta = list(recs)
    by_delta.sort(key=lambda r: (r[1], r[0]))
    by_weight = list(recs)
    by_weight.sort(key=lambda r: r[3], reverse=True)
    buckets = [0] * (len(BOUNDS) + 1)
    for r in recs:
        k = 0
        while k < len(BOUNDS) and BOUNDS[k] <= r[1]:
            k += 1
        buckets[k] += 1
    total = 0
    for r in recs:
        total += r[1]
    count3 = 0
    for r in recs:
        if r[2] == 3:
            count3 += 1
    expect("smallest delta", result[0], by_delta[0])
    expect("largest delta", result[1], by_delta[-1])
    expect("heaviest", result[2], by_weight[0][0])
    expect("top ten", result[3], [r[0] for r in by_weight[:10]])
    expect("merge keeps the order", result[4], True)
    expect("buckets", result[5], buckets)
    expect("kind3 count", result[6], count3)
    expect("total delta", result[7], total)
    expect("weight sum", result[8], round(sum(r[3] for r in recs), 3))


if __name__ == "__main__":
    main(run, check, SIZES)
