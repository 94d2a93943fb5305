tests = ["'a'.find(1)", "'a'.count(None)", "'a'.replace(1, 'b')", "'a'.join([b'x'])", "'a'.center('5')", "'a'.zfill('3')",
         "'a'.split(1)", "'a'.startswith(1)", "'a'.encode(1)", "'a'.strip(1)", "'a'.expandtabs('x')", "'a'.ljust(2, '')",
         "'a'.index('a', 'x')", "'a' + None", "'a' * 1.5", "'a'.format(**{1: 2})", "'a'.partition(None)", "'a'.splitlines('x')",
         "'abc'.translate(5)", "str.lower(1)", "'a'.title(1)", "'a'.removeprefix(1)", "'x'.__getitem__('y')", "'%s %s' % 'ab'"]
for src in tests:
    try:
        print(src, "=>", repr(eval(src)))
    except Exception as e:
        print(src, "=>", type(e).__name__ + ":", e)
