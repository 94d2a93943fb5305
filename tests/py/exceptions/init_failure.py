class Resource:
    live = []
    def __init__(self, name, fail=False):
        self.name = name
        Resource.live.append(name)
        if fail:
            raise RuntimeError(f"init of {name} failed")
    def close(self):
        Resource.live.remove(self.name)
def build():
    made = []
    try:
        for i, fail in enumerate([False, False, True, False]):
            made.append(Resource(f"r{i}", fail))
    except RuntimeError as e:
        print("error:", e, "made:", [m.name for m in made])
        for m in made:
            m.close()
        raise
try:
    build()
except RuntimeError:
    print("live after cleanup:", Resource.live)
class Half:
    def __init__(self):
        self.a = 1
        raise ValueError("half built")
try:
    h = Half()
except ValueError as e:
    print(e, "h" in globals())
