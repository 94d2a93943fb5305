print("mod_circ_a: start")
A_EARLY = "a-early"
import mod_circ_b
print("mod_circ_a: after importing mod_circ_b, b sees", mod_circ_b.SEEN_FROM_A)
A_LATE = "a-late"
def a_func():
    return "a_func uses " + mod_circ_b.B_VALUE
