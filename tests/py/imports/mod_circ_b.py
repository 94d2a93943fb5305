print("mod_circ_b: start")
import mod_circ_a
SEEN_FROM_A = (getattr(mod_circ_a, "A_EARLY", None), getattr(mod_circ_a, "A_LATE", None))
B_VALUE = "b-value"
print("mod_circ_b: end")
