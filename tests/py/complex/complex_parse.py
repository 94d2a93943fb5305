cases = ["1", "1j", "-1j", "+1j", "1+1j", "1-1j", "1.5e2+2.5e-1j", "(1+2j)", " ( 3-4j ) ", "J", "-J", "1e3J", "nanj", "-infj",
         "inf-infj", "1_0+2_0j", "1+j", "1-j", "j1", "1+2i", "1++2j", "1+2jj", "()", "(", "1 +2j", "0x1+1j", "١+٢j"]
for s in cases:
    try:
        print(repr(s), "->", repr(complex(s)))
    except ValueError as e:
        print(repr(s), "-> ValueError:", e)
