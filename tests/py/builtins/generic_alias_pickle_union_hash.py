# GenericAlias pickles as (type, (origin, args)); a union hashes as
# frozenset(args), like typing.Union.
import copy
import pickle
import typing

for x in (list[int], dict[str, list[int]], tuple[int, ...], list[int | str]):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        y = pickle.loads(pickle.dumps(x, proto))
        assert y == x and type(y) is type(x), (x, proto)
    print(x, copy.copy(x) == x, copy.deepcopy(x) == x, x.__reduce__())
print(hash(int | str) == hash(str | int) == hash(typing.Union[int, str]), hash(int | str) == hash(frozenset((int, str))))
