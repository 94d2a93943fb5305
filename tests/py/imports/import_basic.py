print("before import")
import mod_simple
print("after import")
print(mod_simple.VALUE, mod_simple.func(21), mod_simple.Thing(), mod_simple.where(), mod_simple.__name__)
print(mod_simple.__doc__, type(mod_simple).__name__)
print(repr(mod_simple))
print(mod_simple.__file__)
print(sorted(k for k in vars(mod_simple) if not k.startswith("__")))
mod_simple.VALUE = 7
import mod_simple as again
print(again.VALUE, again is mod_simple)
