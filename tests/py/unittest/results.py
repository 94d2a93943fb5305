# A unittest run with a StringIO stream: pass, failure, error, skip,
# expected failure, subTest, assertion messages with diffs, and the summary.
import io
import re
import unittest


class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    def test_err(self):
        raise KeyError("k")

    @unittest.skip("why")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        self.assertRaisesRegex(ValueError, "invalid literal", int, "bad")

    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

    def test_dict(self):
        self.assertDictEqual({"a": 1}, {"a": 2})

    def test_multiline(self):
        self.assertMultiLineEqual("a\nb\n", "a\nc\n")

    def test_long_list(self):
        self.assertEqual(list(range(30)), list(range(29)) + [99])

    def test_msg(self):
        self.assertTrue(0, "custom message")


stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print(re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests", stream.getvalue()))
