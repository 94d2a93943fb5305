import mod_fails_in_func
print(mod_fails_in_func.load(["a = 1", "b = 2"]))
print(mod_fails_in_func.load(["c = 3", "broken line"]))
