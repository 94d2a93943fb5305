print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 1.0}, {"a": 1} != {"a": 2}, {} == {}, {"a": 1} == [("a", 1)])
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: [1]} == {1: [1]}, {1: {2: 3}} == {1: {2: 3}})
try:
    {"a": 1} < {"a": 2}
except TypeError as e:
    print(type(e).__name__, e)
nan = float("nan")
print({1: nan} == {1: nan}, {1: float("nan")} == {1: float("nan")})
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("value eq called")
        return True
print({1: Eq(1)} == {1: Eq(2)}, {1: Eq(1)} == {2: Eq(1)})
print(dict(a=1).keys() == {"a"}, {"a": 1}.items() == {("a", 1)}, {"a": 1}.values() == {"a": 1}.values())
