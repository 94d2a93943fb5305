// Timsort (src/python/runtime/timsort.h): stability against std::stable_sort,
// comparison counts on presorted shapes, failing comparisons at every k-th
// call leaving a permutation, and the keyed variant.
#include "python/runtime/timsort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace rt = pyrite::python::runtime;

namespace {

// An element: the sort key and its original position (to check stability
// and that nothing is lost or duplicated).
struct Item {
  int key = 0;
  int id = 0;
};

struct Counting {
  size_t* count;
  int operator()(const Item& a, const Item& b) const {
    ++*count;
    return a.key < b.key;
  }
};

std::vector<Item> make(const std::vector<int>& keys) {
  std::vector<Item> v;
  for (size_t i = 0; i < keys.size(); ++i) v.push_back({keys[i], static_cast<int>(i)});
  return v;
}

void expect_stably_sorted(const std::vector<Item>& input, const std::vector<Item>& got) {
  std::vector<Item> want = input;
  std::stable_sort(want.begin(), want.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i].key, want[i].key) << "at " << i;
    ASSERT_EQ(got[i].id, want[i].id) << "at " << i;
  }
}

size_t sort_counting(std::vector<Item>* v) {
  size_t count = 0;
  EXPECT_TRUE(rt::timsort(v->data(), v->size(), Counting{&count}));
  return count;
}

double nlogn(size_t n) { return n * std::log2(static_cast<double>(std::max<size_t>(n, 2))); }

}  // namespace

TEST(RuntimeTextTimsort, RandomWithDuplicatesIsStable) {
  std::mt19937 rng(12345);
  for (size_t n : {0, 1, 2, 3, 5, 31, 32, 63, 64, 65, 100, 257, 1000, 4099, 20000, 100000}) {
    for (int distinct : {1, 2, 10, 1000, 1 << 30}) {
      std::vector<int> keys(n);
      for (auto& k : keys) k = static_cast<int>(rng() % distinct);
      std::vector<Item> v = make(keys);
      size_t count = sort_counting(&v);
      expect_stably_sorted(make(keys), v);
      EXPECT_LE(count, static_cast<size_t>(1.1 * nlogn(n)) + n) << n << " " << distinct;
    }
  }
}

TEST(RuntimeTextTimsort, PresortedShapesAreCheap) {
  const size_t n = 10000;
  std::vector<int> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = static_cast<int>(i);
  std::vector<Item> v = make(keys);
  EXPECT_EQ(sort_counting(&v), n - 1);  // ascending: one run
  expect_stably_sorted(make(keys), v);

  std::reverse(keys.begin(), keys.end());
  v = make(keys);
  EXPECT_EQ(sort_counting(&v), n - 1);  // strictly descending: one reversed run
  expect_stably_sorted(make(keys), v);

  // Descending but not strictly: runs of equal pairs must stay stable.
  for (size_t i = 0; i < n; ++i) keys[i] = static_cast<int>((n - i) / 2);
  v = make(keys);
  sort_counting(&v);
  expect_stably_sorted(make(keys), v);

  // Sawtooth: 10 ascending runs of 1000.
  for (size_t i = 0; i < n; ++i) keys[i] = static_cast<int>(i % 1000);
  v = make(keys);
  size_t count = sort_counting(&v);
  expect_stably_sorted(make(keys), v);
  EXPECT_LT(count, n * 5) << "natural runs should merge in about n log(runs)";

  // Ascending with one element out of place at the end.
  for (size_t i = 0; i < n; ++i) keys[i] = static_cast<int>(i);
  keys.back() = -1;
  v = make(keys);
  count = sort_counting(&v);
  expect_stably_sorted(make(keys), v);
  EXPECT_LT(count, n + 100) << "galloping should place the stray element cheaply";

  // Two sorted halves, perfectly interleaved: one merge, about n compares.
  for (size_t i = 0; i < n; ++i) keys[i] = static_cast<int>(i % (n / 2)) * 2 + (i >= n / 2);
  v = make(keys);
  count = sort_counting(&v);
  expect_stably_sorted(make(keys), v);
  EXPECT_LE(count, 2 * n);

  // Two sorted halves whose merge alternates blocks of 100: galloping
  // moves each block after a logarithmic search.
  for (size_t i = 0; i < n / 2; ++i) keys[i] = static_cast<int>(i * 1000);
  for (size_t j = 0; j < n / 2; ++j) keys[n / 2 + j] = static_cast<int>((j / 100) * 100000 + 1 + j % 100);
  v = make(keys);
  count = sort_counting(&v);
  expect_stably_sorted(make(keys), v);
  EXPECT_LT(count, n + n / 4);
}

TEST(RuntimeTextTimsort, FailingComparisonLeavesAPermutation) {
  std::mt19937 rng(777);
  for (size_t n : {2, 10, 64, 65, 300, 2000, 5000}) {
    for (int distinct : {3, 1 << 30}) {
      std::vector<int> keys(n);
      for (auto& k : keys) k = static_cast<int>(rng() % distinct);
      // Also mostly-sorted input, which exercises galloping.
      std::vector<int> shaped = keys;
      std::sort(shaped.begin(), shaped.begin() + n / 2);
      std::sort(shaped.begin() + n / 2, shaped.end());
      for (const auto* input : {&keys, &shaped}) {
        size_t total = 0;
        {
          std::vector<Item> v = make(*input);
          total = sort_counting(&v);
        }
        size_t step = std::max<size_t>(1, total / 40);
        for (size_t fail_at = 1; fail_at <= total; fail_at += step) {
          std::vector<Item> v = make(*input);
          size_t count = 0;
          bool ok = rt::timsort(v.data(), v.size(), [&](const Item& a, const Item& b) {
            if (++count == fail_at) return -1;
            EXPECT_LT(count, fail_at) << "compared again after an error";
            return a.key < b.key ? 1 : 0;
          });
          EXPECT_FALSE(ok);
          std::vector<int> seen(n, 0);
          for (const Item& it : v) {
            ASSERT_GE(it.id, 0);
            ASSERT_LT(static_cast<size_t>(it.id), n);
            ++seen[it.id];
            ASSERT_EQ(it.key, (*input)[it.id]) << "element corrupted";
          }
          for (size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i], 1) << "n=" << n << " fail_at=" << fail_at;
        }
      }
    }
  }
}

TEST(RuntimeTextTimsort, InconsistentComparisonKeepsEveryElement) {
  std::mt19937 rng(4242);
  for (size_t n : {50, 1000, 10000}) {
    std::vector<Item> v;
    for (size_t i = 0; i < n; ++i) v.push_back({static_cast<int>(i), static_cast<int>(i)});
    // A comparison that answers at random, like a lying __lt__.
    EXPECT_TRUE(rt::timsort(v.data(), v.size(), [&](const Item&, const Item&) { return static_cast<int>(rng() & 1); }));
    std::vector<int> seen(n, 0);
    for (const Item& it : v) ++seen[it.id];
    for (size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i], 1);
  }
}

TEST(RuntimeTextTimsort, KeyedSortCarriesValues) {
  std::mt19937 rng(99);
  for (size_t n : {0, 1, 7, 100, 5000}) {
    std::vector<int> keys(n);
    std::vector<std::string> values(n);
    for (size_t i = 0; i < n; ++i) {
      keys[i] = static_cast<int>(rng() % 50);
      values[i] = std::to_string(keys[i]) + "#" + std::to_string(i);
    }
    std::vector<std::pair<int, std::string>> want;
    for (size_t i = 0; i < n; ++i) want.push_back({keys[i], values[i]});
    std::stable_sort(want.begin(), want.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    EXPECT_TRUE(rt::timsort_keyed(keys.data(), values.data(), n, [](int a, int b) { return a < b ? 1 : 0; }));
    for (size_t i = 0; i < n; ++i) {
      ASSERT_EQ(keys[i], want[i].first);
      ASSERT_EQ(values[i], want[i].second);
    }
  }
  // A failure in the keyed sort keeps keys and values paired.
  std::vector<int> keys = {5, 3, 9, 1, 7, 3, 8, 2, 6, 4};
  std::vector<int> values = keys;
  int count = 0;
  EXPECT_FALSE(rt::timsort_keyed(keys.data(), values.data(), keys.size(),
                                 [&](int a, int b) { return ++count == 12 ? -1 : (a < b ? 1 : 0); }));
  EXPECT_EQ(keys, values);
}
