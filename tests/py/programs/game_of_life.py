# Conway's Game of Life on a torus, with a glider gun-free mix of patterns.
W, H = 40, 20
def parse(rows, ox, oy, cells):
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch == "#":
                cells.add(((ox + x) % W, (oy + y) % H))
cells = set()
parse([".#.", "..#", "###"], 1, 1, cells)
parse(["###"], 20, 5, cells)
parse(["##", "##"], 30, 14, cells)
parse([".##", "##.", ".#."], 12, 12, cells)
def step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in cells)}
def render(cells):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(W)) for y in range(H))
history = []
for gen in range(120):
    history.append(len(cells))
    if gen in (0, 30, 119):
        print(f"generation {gen}: {len(cells)} cells")
        print(render(cells))
    cells = step(cells)
print(history)
print(min(history), max(history), sorted(cells)[:5])
