import gc
import weakref
class Image:
    def __init__(self, name): self.name = name
class Cache:
    def __init__(self):
        self.refs = {}
        self.evicted = []
    def put(self, key, obj):
        def gone(ref, key=key):
            if self.refs.get(key) is ref:
                del self.refs[key]
                self.evicted.append(key)
        self.refs[key] = weakref.ref(obj, gone)
    def get(self, key):
        r = self.refs.get(key)
        return r() if r else None
cache = Cache()
imgs = {name: Image(name) for name in ["a", "b", "c", "d"]}
for k, v in imgs.items():
    cache.put(k, v)
del k, v
print(sorted(cache.refs), cache.get("b").name)
del imgs["b"], imgs["d"]
gc.collect()
print(sorted(cache.refs), sorted(cache.evicted), cache.get("b"), cache.get("a").name)
imgs.clear()
gc.collect()
print(sorted(cache.refs), sorted(cache.evicted))
