"""Go: random playouts on a 9 x 9 board, as a Monte Carlo player makes them
(docs/bench.md).

Each playout starts from the empty board; the side to move plays a
uniformly chosen legal point (no suicide, no immediate ko recapture, never
into its own eye) or passes, until both pass. Groups and liberties are
found by flood fill over precomputed neighbour lists; the board is scored
by area. The random choices come from an LCG written here. After every
playout no group may be left without liberties and the score must cover
the board; totals are checked against CPython's at the preset sizes.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 2, "quick": 8, "full": 40}
SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2

# (moves, black points, white points, black wins) summed over the
# playouts, recorded from CPython 3.11.
EXPECTED = {
    2: (352, 93, 69, 2),
    8: (1119, 378, 270, 7),
    40: (4613, 1735, 1505, 24),
}


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, k):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return (self.state >> 4) % k


def make_neighbours():
    result = []
    for p in range(SIZE * SIZE):
        row, col = divmod(p, SIZE)
        near = []
        if row > 0:
            near.append(p - SIZE)
        if row < SIZE - 1:
            near.append(p + SIZE)
        if col > 0:
            near.append(p - 1)
        if col < SIZE - 1:
            near.append(p + 1)
        result.append(tuple(near))
    return result


NEIGHBOURS = make_neighbours()


class Board:
    def __init__(self):
        self.colour = [EMPTY] * (SIZE * SIZE)
        self.ko = -1
        self.moves = 0

    def group(self, p):
        """The stones of p's group and its liberties."""
        colour = self.colour
        own = colour[p]
        stones = {p}
        liberties = set()
        todo = [p]
        while todo:
            q = todo.pop()
            for r in NEIGHBOURS[q]:
                c = colour[r]
                if c == EMPTY:
                    liberties.add(r)
                elif c == own and r not in stones:
                    stones.add(r)
                    todo.append(r)
        return stones, liberties

    def is_eye(self, p, player):
        for q in NEIGHBOURS[p]:
            if self.colour[q] != player:
                return False
        return True

    def legal(self, p, player):
        if self.colour[p] != EMPTY or p == self.ko:
            return False
        for q in NEIGHBOURS[p]:
            c = self.colour[q]
            if c == EMPTY:
                return True
            _, liberties = self.group(q)
            if c == player:
                if len(liberties) > 1:
                    return True  # joins a group that keeps a liberty
            elif len(liberties) == 1:
                return True  # captures
        return False

    def play(self, p, player):
        colour = self.colour
        colour[p] = player
        other = BLACK + WHITE - player
        captured = []
        for q in NEIGHBOURS[p]:
            if colour[q] == other:
                stones, liberties = self.group(q)
                if not liberties:
                    for s in stones:
                        colour[s] = EMPTY
                    captured.extend(stones)
        self.ko = -1
        if len(captured) == 1:
            stones, liberties = self.group(p)
            if len(stones) == 1 and len(liberties) == 1:
                self.ko = captured[0]
        self.moves += 1
        return len(captured)

    def random_move(self, player, rng):
        empties = [p for p in range(SIZE * SIZE) if self.colour[p] == EMPTY]
        if not empties:
            return -1
        start = rng.below(len(empties))
        for k in range(len(empties)):
            p = empties[(start + k) % len(empties)]
            if not self.is_eye(p, player) and self.legal(p, player):
                return p
        return -1

    def score(self):
        """Area scoring: stones plus empty regions only one colour touches."""
        points = [0, 0, 0]
        seen = set()
        for p in range(SIZE * SIZE):
            c = self.colour[p]
            if c != EMPTY:
                points[c] += 1
            elif p not in seen:
                region = {p}
                borders = set()
                todo = [p]
                while todo:
                    q = todo.pop()
                    for r in NEIGHBOURS[q]:
                        rc = self.colour[r]
                        if rc == EMPTY:
                            if r not in region:
                                region.add(r)
                                todo.append(r)
                        else:
                            borders.add(rc)
                seen |= region
                owner = borders.pop() if len(borders) == 1 else EMPTY
                points[owner] += len(region)
        return points

    def verify(self):
        for p in range(SIZE * SIZE):
            if self.colour[p] != EMPTY and not self.group(p)[1]:
                raise WrongResult("a group without liberties is on the board at %d" % p)


def playout(rng):
    board = Board()
    player, passes = BLACK, 0
    while passes < 2 and board.moves < 3 * SIZE * SIZE:
        p = board.random_move(player, rng)
        if p < 0:
            passes += 1
        else:
            passes = 0
            board.play(p, player)
        player = BLACK + WHITE - player
    board.verify()
    return board.moves, board.score()


def run(n):
    rng = Lcg(42)
    totals = [0, 0, 0, 0]
    for _ in range(n):
        moves, (neutral, black, white) = playout(rng)
        if neutral + black + white != SIZE * SIZE:
            raise WrongResult("the score covers %d points" % (neutral + black + white))
        totals[0] += moves
        totals[1] += black
        totals[2] += white
        totals[3] += black > white
    return tuple(totals)


def check(n, result):
    if not 0 <= result[3] <= n or result[0] < n:
        raise WrongResult("impossible totals %r for %d playouts" % (result, n))
    if n in EXPECTED:
        expect("totals at size %d" % n, result, EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
