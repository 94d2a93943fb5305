"""Fannkuch-redux: for every permutation of 1..n, flip the prefix whose
length is the first element until 1 comes first; report the most flips
and a checksum (docs/bench.md).

List slicing and reversal, and the counting loop that enumerates the
permutations in the order of the benchmarks-game definition (each step
rotates a prefix), which fixes the alternating-sign checksum. The most
flips is OEIS A000375; both values are published for n = 7..12.
"""
from _driver import expect, main

SIZES = {"small": 7, "quick": 8, "full": 9}

# n: (checksum, most flips), the published results.
KNOWN = {
    7: (228, 16), 8: (1616, 22), 9: (8629, 30), 10: (73196, 38), 11: (556355, 51),
    12: (3968050, 65),
}


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    most = checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > most:
            most = flips
        checksum += sign * flips
        sign = -sign
        # Next permutation: rotate the first r + 1 elements left by one,
        # carrying to the next prefix length when this one is exhausted.
        while True:
            if r == n:
                return checksum, most
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def run(n):
    return fannkuch(n)


def check(n, result):
    if n in KNOWN:
        expect("fannkuch(%d) (checksum, flips)" % n, result, KNOWN[n])


if __name__ == "__main__":
    main(run, check, SIZES)
