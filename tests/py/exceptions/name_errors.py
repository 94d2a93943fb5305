def use_before_assign():
    print(v)
    v = 1
try:
    use_before_assign()
except UnboundLocalError as e:
    print(type(e).__name__, e, isinstance(e, NameError))
def free_var():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    w = 2
free_var()
try:
    print(totally_unknown)
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
class C:
    try:
        print(class_level_unknown)
    except NameError as e:
        print(type(e).__name__, e)
def deleted_local():
    a = 1
    del a
    try:
        del a
    except UnboundLocalError as e:
        print(type(e).__name__, e)
deleted_local()
try:
    __builtins__.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
