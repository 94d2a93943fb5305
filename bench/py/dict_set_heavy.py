"""Dicts and sets: word frequencies, an inverted index, set algebra over
the index, a graph in adjacency sets searched breadth-first, and a cache
with deletions (docs/bench.md).

Hashing of str, int and tuple keys, insertion, lookup, get/setdefault/pop,
iteration, and set union/intersection/difference. Each answer is recounted
a second way (sorted lists instead of hashing) and must agree; the
combined result is checked against CPython's at the preset sizes.
"""
from _driver import WrongResult, expect, main

SIZES = {"small": 2000, "quick": 12000, "full": 80000}

# (distinct words, set algebra total, graph search, cache), recorded from
# CPython 3.11.
EXPECTED = {
    2000: (783, 5826, (472, 11407, 42), (262, 1738, 15265)),
    12000: (2275, 32195, (2883, 163279, 106), (275, 11725, 87901)),
    80000: (2954, 212569, (19615, 2855967, 280), (235, 79765, 600227)),
}

SYLLABLES = ["an", "be", "co", "di", "el", "fo", "gu", "hi", "is", "jo", "ka", "lu", "mo", "ne"]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, k):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return (self.state >> 4) % k


def make_documents(n, rng):
    docs = []
    for _ in range(max(1, n // 20)):
        words = []
        for _ in range(20):
            k = 1 + rng.below(3)
            words.append("".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(k)))
        docs.append(words)
    return docs


def frequencies(docs):
    counts = {}
    for words in docs:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return counts


def inverted_index(docs):
    index = {}
    for d, words in enumerate(docs):
        for w in words:
            index.setdefault(w, set()).add(d)
    return index


def set_algebra(index, counts):
    common = sorted(counts, key=lambda w: (-counts[w], w))[:12]
    total = 0
    for i in range(len(common)):
        for j in range(i + 1, len(common)):
            a, b = index[common[i]], index[common[j]]
            total += len(a & b) * 3 + len(a | b) + len(a - b) - len(a ^ b)
    return total


def graph_search(n, rng):
    """Breadth-first distances in a random graph keyed by (x, y) tuples."""
    side = max(4, int(n ** 0.5) // 2)
    edges = {}
    for x in range(side):
        for y in range(side):
            node = (x, y)
            near = edges.setdefault(node, set())
            for dx, dy in ((1, 0), (0, 1)):
                if x + dx < side and y + dy < side and rng.below(10) < 7:
                    other = (x + dx, y + dy)
                    near.add(other)
                    edges.setdefault(other, set()).add(node)
    distance = {(0, 0): 0}
    frontier = [(0, 0)]
    while frontier:
        nxt = []
        for node in frontier:
            for other in edges[node]:
                if other not in distance:
                    distance[other] = distance[node] + 1
                    nxt.append(other)
        frontier = nxt
    return len(distance), sum(distance.values()), max(distance.values())


def cache_churn(n, rng):
    """An LRU-ish cache: insertion order kept by dicts, evict the oldest."""
    cache = {}
    hits = misses = 0
    for _ in range(n):
        key = rng.below(n // 4 + 1)
        if key in cache:
            hits += 1
            cache[key] = cache.pop(key)  # move to the end
        else:
            misses += 1
            cache[key] = key * key
            if len(cache) > 64:
                del cache[next(iter(cache))]
    return hits, misses, sum(cache)


def run(n):
    rng = Lcg(99)
    docs = make_documents(n, rng)
    counts = frequencies(docs)
    index = inverted_index(docs)
    algebra = set_algebra(index, counts)
    inverse = {}
    for w, c in counts.items():
        inverse.setdefault(c, []).append(w)
    by_count = {c: len(ws) for c, ws in inverse.items()}
    return (docs, len(counts), algebra, sorted(by_count.items()), graph_search(n, rng),
            cache_churn(n, rng))


def recount(docs):
    """Word frequencies from a sorted list instead of a dict."""
    words = sorted(w for ws in docs for w in ws)
    distinct = 0
    runs = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] == words[i]:
            j += 1
        distinct += 1
        runs.append(j - i)
        i = j
    histogram = []
    for c in sorted(set(runs)):
        histogram.append((c, runs.count(c)))
    return distinct, histogram


def check(n, result):
    docs, distinct, algebra, histogram, graph, cache = result
    expect("words and their histogram", (distinct, histogram), recount(docs))
    hits, misses, _ = cache
    expect("cache lookups", hits + misses, n)
    nodes, _, _ = graph
    if nodes < 1:
        raise WrongResult("the search reached nothing")
    if n in EXPECTED:
        expect("results at size %d" % n, (distinct, algebra, graph, cache), EXPECTED[n])


if __name__ == "__main__":
    main(run, check, SIZES)
