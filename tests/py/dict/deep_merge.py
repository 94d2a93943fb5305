def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        if k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out
base = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": False}}, "debug": False, "tags": ["a"]}
override = {"db": {"port": 6543, "opts": {"ssl": True, "timeout": 5}}, "debug": True, "tags": ["b"]}
m = merge(base, override)
print(m)
print(base["db"]["port"], m["db"]["opts"] is not base["db"]["opts"])
def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            out.update(flatten(v, key))
        else:
            out[key] = v
    return out
flat = flatten(m)
print(flat)
def unflatten(f):
    out = {}
    for k, v in f.items():
        cur = out
        *parents, last = k.split(".")
        for p in parents:
            cur = cur.setdefault(p, {})
        cur[last] = v
    return out
print(unflatten(flat) == m)
