"""Runs one of CPython's regression-test modules and prints one line per
test case: OUTCOME <tab> case id <tab> detail. Run by tools/regrtest.py
under pyrite (and under CPython 3.11 for the reference counts); written
for both, with nothing but unittest.

    pyrite tests/regrtest/driver.py test.test_int

Outcomes: PASS, FAIL (an assertion), ERROR (any other exception), SKIP
(detail: the reason), XFAIL (an expected failure), UPASS (an unexpected
success); NOLOAD when the module does not import (detail: the error).
A case with failing subtests is FAIL or ERROR once, with the first
subtest's error. The detail is the exception's last line, shortened."""
import sys
import unittest

OUT = sys.__stdout__


def detail_of(err):
    if err is None:
        return ""
    etype, value = err[0], err[1]
    text = f"{etype.__name__}: {value}" if value is not None else etype.__name__
    text = " ".join(str(text).split())
    return text[:200]


class LineResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcome = {}

    def _put(self, test, outcome, detail):
        key = test.id()
        if key in self.outcome and self.outcome[key][0] in ("FAIL", "ERROR"):
            return
        self.outcome[key] = (outcome, detail)

    def addSuccess(self, test):
        if test.id() not in self.outcome:
            self._put(test, "PASS", "")

    def addFailure(self, test, err):
        self._put(test, "FAIL", detail_of(err))

    def addError(self, test, err):
        # Errors of class or module fixtures come with a _ErrorHolder.
        self._put(test, "ERROR", detail_of(err))

    def addSkip(self, test, reason):
        self._put(test, "SKIP", " ".join(str(reason).split())[:200])

    def addExpectedFailure(self, test, err):
        self._put(test, "XFAIL", detail_of(err))

    def addUnexpectedSuccess(self, test):
        self._put(test, "UPASS", "")

    def addSubTest(self, test, subtest, err):
        if err is None:
            return
        failure = issubclass(err[0], test.failureException)
        self._put(test, "FAIL" if failure else "ERROR", detail_of(err))

    def stopTest(self, test):
        super().stopTest(test)
        outcome, detail = self.outcome.get(test.id(), ("PASS", ""))
        print(f"{outcome}\t{test.id()}\t{detail}", file=OUT, flush=True)


def main():
    name = sys.argv[1]
    try:
        suite = unittest.defaultTestLoader.loadTestsFromName(name)
    except BaseException as e:  # noqa: BLE001 - any import failure is the answer
        print(f"NOLOAD\t{name}\t{detail_of((type(e), e, None))}", file=OUT, flush=True)
        return
    result = LineResult()
    suite.run(result)


if __name__ == "__main__":
    main()
