tests = ["(1+2j) < (2+3j)", "1j // 2", "1j % 2", "divmod(1j, 2)", "int(1j)", "float(1j)", "round(1j)", "abs(complex(3e300, 4e300))",
         "1j / 0", "1j / 0j", "0j ** -1", "complex('1+2')", "complex('1 + 2j')", "complex('(1+2j')", "complex('')", "complex(1j, 1j)",
         "complex('1', 2)", "complex(None)", "(1+1j) ** 10", "1j > 0", "max(1j, 2j)", "complex('1e500j')", "hash(1j) == hash(1j)", "lst[0j]"]
lst = [1]
for src in tests:
    try:
        print(src, "=>", repr(eval(src)))
    except Exception as e:
        print(src, "=>", type(e).__name__ + ":", e)
