# unittest.main(exit=False) with a runner of our own: class and method
# fixtures, cleanups, assertWarns/assertLogs, the assert* family, suites and
# FunctionTestCase, and the loader's names.
import io
import logging
import re
import unittest
import warnings

events = []


class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        events.append("setUp " + self._testMethodName)

    def tearDown(self):
        events.append("tearDown")

    def test_cleanup(self):
        self.addCleanup(events.append, "cleanup")

    def test_warns(self):
        with self.assertWarns(DeprecationWarning) as cm:
            warnings.warn("old", DeprecationWarning)
        events.append(str(cm.warning))

    def test_logs(self):
        with self.assertLogs("x", level="INFO") as cm:
            logging.getLogger("x").info("hello %s", "w")
        events.append(cm.output)

    def test_assertions(self):
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertSequenceEqual((1, 2), [1, 2])
        self.assertIsInstance(1, int)
        self.assertIsNone(None)
        self.assertNotIn(3, [1])
        self.assertGreater(2, 1)
        self.assertRegex("abc", "b.")
        self.assertSetEqual({1}, {1})
        self.assertTupleEqual((1,), (1,))
        self.assertIs(True, True)

    def test_skip_inside(self):
        self.skipTest("inside")


class Other(unittest.TestCase):
    def test_counts(self):
        self.assertCountEqual("abc", "cbaa")


stream = io.StringIO()
prog = unittest.main(argv=["prog", "-v"], exit=False,
                     testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
r = prog.result
print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped))
print(re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests", stream.getvalue()))
for e in events:
    print(e)

suite = unittest.TestSuite([Base("test_assertions"), unittest.FunctionTestCase(lambda: None)])
print(suite.countTestCases())
r2 = unittest.TestResult()
suite.run(r2)
print(r2.wasSuccessful(), r2.testsRun)
loader = unittest.TestLoader()
print(loader.getTestCaseNames(Base))
print([t.id() for t in loader.loadTestsFromName("__main__.Other")])
