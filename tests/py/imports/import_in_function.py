def f():
    import mod_counter
    from mod_simple import func as local_func
    return mod_counter.bump(), local_func(3)
print("mod_counter" in globals())
print(f(), f())
print("mod_counter" in globals(), "local_func" in globals())
def g():
    import mod_counter as mc
    del mc
    try:
        return mc
    except UnboundLocalError as e:
        return str(e)
print(g())
def h():
    global mod_counter
    import mod_counter
h()
print(mod_counter.count)
class C:
    import mod_simple as inner_mod
    value = inner_mod.VALUE
print(C.value, C.inner_mod.__name__)
