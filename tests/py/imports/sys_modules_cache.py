import sys
print("mod_counter" in sys.modules)
import mod_counter
import mod_counter
print("mod_counter" in sys.modules, sys.modules["mod_counter"] is mod_counter)
mod_counter.bump()
import mod_counter as m2
print(m2.count)
del sys.modules["mod_counter"]
import mod_counter as fresh
print(fresh is m2, fresh.count, m2.count)
fake = type(sys)("fake_module")
fake.attr = "injected"
sys.modules["fake_module"] = fake
import fake_module
print(fake_module.attr, fake_module is fake, repr(fake_module))
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
