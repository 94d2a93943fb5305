# Found by tests/fuzz/program_fuzz.py: "cannot fit ... into an index-sized integer" names the subscript's type.
class Big:
    def __index__(self):
        return 2**70
for seq in ([1, 2, 3], (1, 2), 'abc', b'ab', bytearray(b'x'), range(3)):
    for k in (Big(), 2**70, -2**70):
        try:
            print(seq[k])
        except Exception as e:
            print(type(seq).__name__, type(e).__name__, e)
