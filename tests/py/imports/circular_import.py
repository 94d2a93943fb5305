import mod_circ_a
print(mod_circ_a.A_LATE, mod_circ_a.a_func())
import mod_circ_b
print(mod_circ_b.SEEN_FROM_A)
try:
    import mod_circ_c
except ImportError as e:
    print(type(e).__name__, e)
    print(e.name)
