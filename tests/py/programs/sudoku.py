# Backtracking sudoku solver with constraint propagation (own implementation).
PUZZLES = [
    "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "000000907000420180000705026100904000050000040000507009920108000034059000507000000",
    "800000000003600000070090200050007000000045700000100030001000068008500010090000400",
]
def parse(s):
    return [int(c) for c in s]
def peers_of(i):
    r, c = divmod(i, 9)
    br, bc = 3 * (r // 3), 3 * (c // 3)
    ps = set(range(r * 9, r * 9 + 9)) | set(range(c, 81, 9))
    ps |= {(br + dr) * 9 + bc + dc for dr in range(3) for dc in range(3)}
    ps.discard(i)
    return sorted(ps)
PEERS = [peers_of(i) for i in range(81)]
class Solver:
    def __init__(self, grid):
        self.grid = grid
        self.nodes = 0
    def candidates(self, i):
        used = {self.grid[p] for p in PEERS[i]}
        return [d for d in range(1, 10) if d not in used]
    def solve(self):
        self.nodes += 1
        best, best_cands = None, None
        for i in range(81):
            if self.grid[i] == 0:
                cands = self.candidates(i)
                if not cands:
                    return False
                if best is None or len(cands) < len(best_cands):
                    best, best_cands = i, cands
                    if len(cands) == 1:
                        break
        if best is None:
            return True
        for d in best_cands:
            self.grid[best] = d
            if self.solve():
                return True
        self.grid[best] = 0
        return False
def show(grid):
    lines = []
    for r in range(9):
        row = grid[r * 9:(r + 1) * 9]
        lines.append(" ".join("".join(map(str, row[k:k + 3])) for k in (0, 3, 6)))
        if r in (2, 5):
            lines.append("-" * 11)
    return "\n".join(lines)
def valid(grid):
    units = [list(range(r * 9, r * 9 + 9)) for r in range(9)] + [list(range(c, 81, 9)) for c in range(9)]
    units += [[(br + dr) * 9 + bc + dc for dr in range(3) for dc in range(3)] for br in (0, 3, 6) for bc in (0, 3, 6)]
    return all(sorted(grid[i] for i in u) == list(range(1, 10)) for u in units)
for p in PUZZLES:
    s = Solver(parse(p))
    ok = s.solve()
    print(show(s.grid))
    print("solved", ok, "valid", valid(s.grid), "nodes", s.nodes)
    print()
