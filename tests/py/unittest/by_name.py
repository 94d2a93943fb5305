# What `python -m unittest NAME` and `-m unittest discover` do: tests
# loaded from a module name (imported with __import__), from names of
# classes and methods, and by discovery in this folder.
import io
import re
import unittest


def run(argv):
    stream = io.StringIO()
    prog = unittest.main(module=None, argv=argv, exit=False,
                         testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
    r = prog.result
    print(argv[1:], r.testsRun, len(r.failures), len(r.errors))
    text = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests", stream.getvalue())
    print(text)


run(["python -m unittest", "mod_cases"])
run(["python -m unittest", "mod_cases.Arith.test_add"])
run(["python -m unittest", "discover", "-s", ".", "-p", "mod_cases.py"])
try:
    run(["python -m unittest", "mod_no_such_module"])
except SystemExit as e:
    print("SystemExit", e.code)
loader = unittest.TestLoader()
suite = loader.loadTestsFromName("mod_cases.Arith")
print(suite.countTestCases(), [t.id() for t in suite])
try:
    loader.loadTestsFromName("mod_cases.helper_not_a_test")
except TypeError as e:
    print("TypeError", re.sub(r" at 0x[0-9a-f]+", "", str(e)))
