print("pkg_basic.sub: executing, __name__ =", __name__, "__package__ =", __package__)
def sub_func():
    return "sub_func result"
