scores = {"ann": 91, "bob": 78, "cid": 85, "dee": 91, "eve": 66}
for name in scores:
    print(name, end=" ")
print()
for name, s in scores.items():
    print(f"{name}={s}", end=" ")
print()
print(sorted(scores, key=scores.get), sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(scores, key=scores.get), min(scores.values()), sum(scores.values()) / len(scores))
print([n for n, s in scores.items() if s > 80], {n: s for n, s in scores.items() if s < 80})
print(list(enumerate(scores)), list(zip(scores, scores.values())))
print(dict(sorted(scores.items())), dict(reversed(list(scores.items()))))
it = iter(scores.items())
print(next(it), next(it), len(list(it)))
ks = scores.keys()
scores["zed"] = 50
print(len(ks), "zed" in ks)
