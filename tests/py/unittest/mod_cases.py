"""Test cases loaded by name and by discovery (unittest/by_name.py)."""
import unittest


class Arith(unittest.TestCase):
    def test_add(self):
        self.assertEqual(2 + 3, 5)

    def test_wrong(self):
        self.assertEqual(2 * 3, 5)


def helper_not_a_test():
    return 1
