"""Hexiom: place numbered tiles on a hexagonal board so that every tile's
number is the count of its occupied neighbours (docs/bench.md).

Puzzles are made here: an LCG picks which cells of a hexagon of radius 3
(37 cells) are occupied, each occupied cell gets its neighbour count, and
some cells are revealed. The solver places the remaining tiles by
backtracking, keeping for each cell the number of occupied and of undecided
neighbours, and always decides next the cell with the fewest options left
(a cell with none is a dead end). It counts every solution; each must be
valid, use exactly the puzzle's tiles, and the generating layout must be
among them.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 2, "quick": 6, "full": 30}
RADIUS = 3
EMPTY = -1

# Solution counts of the puzzles, recorded from CPython 3.11.
EXPECTED = {
    2: [2, 7],
    6: [2, 7, 1, 21, 5, 2],
    30: [2, 7, 1, 21, 5, 2, 10, 31, 9, 3, 1, 20, 3, 1, 14, 6, 336, 2, 14, 6, 2, 13, 294, 61, 2, 26, 1, 1, 4, 4],
}

DIRECTIONS = ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1))


def make_cells():
    cells = [(q, r) for q in range(-RADIUS, RADIUS + 1) for r in range(-RADIUS, RADIUS + 1)
             if abs(q + r) <= RADIUS]
    index = {c: i for i, c in enumerate(cells)}
    neighbours = []
    for q, r in cells:
        neighbours.append(tuple(index[(q + dq, r + dr)] for dq, dr in DIRECTIONS
                                if (q + dq, r + dr) in index))
    return cells, neighbours


CELLS, NEIGHBOURS = make_cells()


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, k):
        self.state = (6364136223846793005 * self.state + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % k


def make_puzzle(rng):
    """Returns (layout, revealed cells, tiles): layout[i] is a number or EMPTY."""
    occupied = [rng.below(100) < 55 for _ in CELLS]
    layout = []
    for i, full in enumerate(occupied):
        layout.append(sum(occupied[j] for j in NEIGHBOURS[i]) if full else EMPTY)
    revealed = {i: layout[i] for i in range(len(CELLS)) if rng.below(100) < 40}
    tiles = [0] * 7
    for i, v in enumerate(layout):
        if v != EMPTY and i not in revealed:
            tiles[v] += 1
    return layout, revealed, tiles


class Solver:
    def __init__(self, revealed, tiles):
        n = len(CELLS)
        self.value = [None] * n  # None: undecided
        self.occupied_near = [0] * n
        self.open_near = [len(NEIGHBOURS[i]) for i in range(n)]
        self.tiles = list(tiles)
        self.empties = n - len(revealed) - sum(tiles)
        self.undecided = n - len(revealed)
        self.solutions = []
        for i, v in revealed.items():
            self.assign(i, v)

    def assign(self, i, v):
        self.value[i] = v
        for j in NEIGHBOURS[i]:
            self.open_near[j] -= 1
            if v != EMPTY:
                self.occupied_near[j] += 1

    def unassign(self, i):
        v = self.value[i]
        self.value[i] = None
        for j in NEIGHBOURS[i]:
            self.open_near[j] += 1
            if v != EMPTY:
                self.occupied_near[j] -= 1

    def options(self, i):
        """What undecided cell i can take without making a decided
        neighbour's number unreachable."""
        value, occ, open_ = self.value, self.occupied_near, self.open_near
        can_be_empty = self.empties > 0
        can_be_tile = True
        for k in NEIGHBOURS[i]:
            v = value[k]
            if v is not None and v != EMPTY:
                if occ[k] + 1 > v:
                    can_be_tile = False
                if occ[k] + open_[k] - 1 < v:
                    can_be_empty = False
        result = [EMPTY] if can_be_empty else []
        if can_be_tile:
            tiles = self.tiles
            top = occ[i] + open_[i]
            for w in range(occ[i], top + 1 if top < 7 else 7):
                if tiles[w]:
                    result.append(w)
        return result

    def solve(self):
        if self.undecided == 0:
            self.solutions.append(tuple(self.value))
            return
        # The most constrained cell first (fewest options); none: dead end.
        best, best_options = -1, None
        value = self.value
        for i in range(len(value)):
            if value[i] is None:
                options = self.options(i)
                if best_options is None or len(options) < len(best_options):
                    best, best_options = i, options
                    if len(options) <= 1:
                        break
        self.undecided -= 1
        for v in best_options:
            if v == EMPTY:
                self.empties -= 1
            else:
                self.tiles[v] -= 1
            self.assign(best, v)
            self.solve()
            self.unassign(best)
            if v == EMPTY:
                self.empties += 1
            else:
                self.tiles[v] += 1
        self.undecided += 1


def valid(solution):
    for i, v in enumerate(solution):
        if v != EMPTY and v != sum(solution[j] != EMPTY for j in NEIGHBOURS[i]):
            return False
    return True


def run(n):
    rng = Lcg(2024)
    results = []
    for _ in range(n):
        layout, revealed, tiles = make_puzzle(rng)
        solver = Solver(revealed, tiles)
        solver.solve()
        results.append((tuple(layout), solver.solutions))
    return results


def check(n, result):
    expect("puzzles", len(result), n)
    for layout, solutions in result:
        if layout not in solutions:
            raise WrongResult("the generating layout %r was not found" % (layout,))
        for s in solutions:
            if not valid(s) or sorted(s) != sorted(layout):
                raise WrongResult("%r is not a solution" % (s,))
    if n in EXPECTED:
        expect("solution counts at size %d" % n, [len(s) for _, s in result], EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
