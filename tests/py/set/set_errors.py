tests = ["{1}.remove(2)", "set().pop()", "{1} + {2}", "{1} * 2", "one[0]", "set(5)", "{1}.add()", "frozenset().add(1)",
         "{1} < 5", "{1}.update(5)", "{1}.issubset(5)", "{{1}}", "set([1], [2])", "sorted({1, 'a'})", "{1}.union(None)"]
one = {1}
for src in tests:
    try:
        print(src, "=>", repr(eval(src)))
    except Exception as e:
        print(src, "=>", type(e).__name__ + ":", e)
