assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert False, "message here"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert [], {"k": 1}
except AssertionError as e:
    print(e.args[0])
def msg():
    print("msg evaluated")
    return "m"
assert 1, msg()
try:
    assert 0, msg()
except AssertionError as e:
    print(e)
print(__debug__)
