"""N-queens: every way to put n queens on an n x n board with no two
attacking, found by a recursive generator over sets of occupied columns and
diagonals (docs/bench.md).

Generators delegating with `yield from`, set membership, tuple building.
The number of solutions is OEIS A000170; every solution is re-checked and
the first in lexicographic order must come first.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 6, "quick": 10, "full": 11}

# A000170, n = 1..14.
COUNTS = (1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200, 73712, 365596)


def place(n, row, columns, diag_down, diag_up, prefix):
    if row == n:
        yield prefix
        return
    for col in range(n):
        if col in columns or row - col in diag_down or row + col in diag_up:
            continue
        columns.add(col)
        diag_down.add(row - col)
        diag_up.add(row + col)
        yield from place(n, row + 1, columns, diag_down, diag_up, prefix + (col,))
        columns.remove(col)
        diag_down.remove(row - col)
        diag_up.remove(row + col)


def solutions(n):
    return list(place(n, 0, set(), set(), set(), ()))


def run(n):
    return solutions(n)


def valid(board):
    n = len(board)
    if sorted(board) != list(range(n)):
        return False
    for r1 in range(n):
        for r2 in range(r1 + 1, n):
            if abs(board[r1] - board[r2]) == r2 - r1:
                return False
    return True


def check(n, result):
    if n <= len(COUNTS):
        expect("solutions for n = %d" % n, len(result), COUNTS[n - 1])
    expect("distinct solutions", len(set(result)), len(result))
    for board in result:
        if not valid(board):
            raise WrongResult("queens attack each other in %r" % (board,))
    expect("solutions in lexicographic order", result, sorted(result))


if __name__ == "__main__":
    main(run, check, SIZES)
