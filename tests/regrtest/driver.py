"""Runs one of CPython's regression-test modules and prints one line per
test case: OUTCOME <tab> case id <tab> detail. Run by tools/regrtest.py
under pyrite (and under CPython 3.11 for the reference counts); written
for both, with nothing but unittest (and doctest and test.support for a
module that has a test_main()).

    pyrite tests/regrtest/driver.py test.test_int
    pyrite tests/regrtest/driver.py test.test_asyncio.test_futures

A package's submodule is imported as any module (its package's __init__
runs first, so test_asyncio's checks for sockets and concurrent.futures
apply) and loaded on its own: the package's load_tests, which would
gather every submodule, is not involved.

Outcomes: PASS, FAIL (an assertion), ERROR (any other exception), SKIP
(detail: the reason), XFAIL (an expected failure), UPASS (an unexpected
success); NOLOAD when the module does not import (detail: the error);
ERROR for the module itself when its test_main() raises.
A case with failing subtests is FAIL or ERROR once, with the first
subtest's error. The detail is the exception's last line, shortened."""
import importlib
import os
import sys
import types
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


def doctest_label(module):
    """A name for the doctests of one module that tells apart two modules
    of the same name (test_decimal doctests the C and the pure decimal,
    both named decimal): the file of its Python functions, if any."""
    files = sorted({os.path.basename(f.__code__.co_filename) for f in vars(module).values()
                    if isinstance(f, types.FunctionType)})
    return f"{module.__name__}:{files[0]}" if files else module.__name__


def run_test_main(module, result):
    """A module with a test_main() (test_decimal) chooses its own test
    classes there, as regrtest runs it: it runs with test.support's
    run_unittest and run_doctest reporting to `result`. A doctest run is one
    case, NAME.run_doctest(MODULE[:FILE])."""
    from test import support

    def run_unittest(*classes):
        loader = unittest.TestLoader()
        suite = unittest.TestSuite()
        for cls in classes:
            if isinstance(cls, str):
                suite.addTest(loader.loadTestsFromModule(sys.modules[cls]))
            elif isinstance(cls, (unittest.TestSuite, unittest.TestCase)):
                suite.addTest(cls)
            else:
                suite.addTest(loader.loadTestsFromTestCase(cls))
        suite.run(result)

    def run_doctest(target, verbosity=None, optionflags=0):
        import doctest
        import io
        case = f"{module.__name__}.run_doctest({doctest_label(target)})"
        runner = doctest.DocTestRunner(verbose=False, optionflags=optionflags)
        failed, first = 0, ""
        try:
            for test in doctest.DocTestFinder().find(target, target.__name__):
                f, _ = runner.run(test, out=io.StringIO().write)
                if f and not first:
                    first = test.name
                failed += f
        except BaseException as e:  # noqa: BLE001 - reported as the case's error
            print(f"ERROR\t{case}\t{detail_of((type(e), e, None))}", file=OUT, flush=True)
            return 1, runner.tries
        if failed:
            detail = f"{failed} of {runner.tries} doctests failed, the first in {first}"
            print(f"FAIL\t{case}\t{detail}", file=OUT, flush=True)
        else:
            print(f"PASS\t{case}\t", file=OUT, flush=True)
        return failed, runner.tries

    saved = support.run_unittest, support.run_doctest
    patched = {"run_unittest": run_unittest, "run_doctest": run_doctest}
    for attr, fn in patched.items():
        if getattr(module, attr, None) is getattr(support, attr):
            setattr(module, attr, fn)
        setattr(support, attr, fn)
    try:
        module.test_main()
    except BaseException as e:  # noqa: BLE001 - an error outside the cases
        print(f"ERROR\t{module.__name__}\t{detail_of((type(e), e, None))}", file=OUT, flush=True)
    finally:
        support.run_unittest, support.run_doctest = saved


def main():
    name = sys.argv[1]
    try:
        module = importlib.import_module(name)
        suite = None if hasattr(module, "test_main") else unittest.defaultTestLoader.loadTestsFromModule(module)
    except BaseException as e:  # noqa: BLE001 - any import failure is the answer
        print(f"NOLOAD\t{name}\t{detail_of((type(e), e, None))}", file=OUT, flush=True)
        return
    result = LineResult()
    if suite is None:
        run_test_main(module, result)
    else:
        suite.run(result)


if __name__ == "__main__":
    main()
