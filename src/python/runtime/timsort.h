// Timsort for list.sort and sorted(): a stable, adaptive merge sort over
// natural runs, with galloping merges and powersort's merge order (what
// CPython 3.11 uses). Header-only. docs/runtime.md, "Text" (sorting).
//
// Invariants:
//  - The comparison may fail (a Python exception is pending): less(a, b)
//    returns 1 for a < b, 0 for not, -1 for an error. The sort then stops at
//    once and returns false, and `items` is still a permutation of the
//    input: every element present exactly once. Nothing is ever copied
//    while a comparison is outstanding; merges keep the invariant "the gap
//    in the output holds exactly the elements still in the temporary
//    buffer", so a failure just moves the buffer back into the gap.
//  - Stability: only "b < a" moves b ahead of a; equal elements keep order.
//  - An inconsistent comparison (a Python __lt__ that lies) can leave the
//    result unsorted, never lose or duplicate an element.
//  - Already sorted or strictly descending input costs n - 1 comparisons.
//
// Elements are moved with std::move; T must be default-constructible and
// movable (the merge buffer is a std::vector<T>).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

namespace pyrite::python::runtime {

namespace timsort_detail {

struct NoValues {};

// A position in the key array and, in lockstep, the value array (for
// sort(key=...): compare keys, carry the original items along).
template <class K, class V>
struct Slot {
  static constexpr bool kHasValues = !std::is_same_v<V, NoValues>;
  K* k;
  V* v;
  Slot operator+(ptrdiff_t n) const { return {k + n, kHasValues ? v + n : v}; }
  Slot operator-(ptrdiff_t n) const { return {k - n, kHasValues ? v - n : v}; }
  Slot& operator++() { return *this = *this + 1; }
  Slot& operator--() { return *this = *this - 1; }
};

template <class K, class V>
void move_one(Slot<K, V> dst, Slot<K, V> src) {
  *dst.k = std::move(*src.k);
  if constexpr (Slot<K, V>::kHasValues) *dst.v = std::move(*src.v);
}

// Forward move; fine for overlapping ranges when dst <= src.
template <class K, class V>
void move_forward(Slot<K, V> dst, Slot<K, V> src, size_t n) {
  std::move(src.k, src.k + n, dst.k);
  if constexpr (Slot<K, V>::kHasValues) std::move(src.v, src.v + n, dst.v);
}

// Backward move of [src, src + n) to end at dst_end; for dst > src.
template <class K, class V>
void move_backward(Slot<K, V> dst_end, Slot<K, V> src, size_t n) {
  std::move_backward(src.k, src.k + n, dst_end.k);
  if constexpr (Slot<K, V>::kHasValues) std::move_backward(src.v, src.v + n, dst_end.v);
}

template <class K, class V, class Less>
class Sorter {
  using S = Slot<K, V>;
  static constexpr bool kHasValues = S::kHasValues;
  static constexpr int kMinGallop = 7;

 public:
  Sorter(K* keys, V* values, size_t n, Less& less) : base_{keys, values}, n_(n), less_(less) {}

  bool run() {
    if (n_ < 2) return true;
    size_t minrun = compute_minrun(n_);
    size_t lo = 0;
    while (lo < n_) {
      size_t remaining = n_ - lo;
      bool descending = false;
      ptrdiff_t run = count_run(lo, &descending);
      if (run < 0) return false;
      if (descending) reverse(lo, lo + run);
      if (static_cast<size_t>(run) < minrun) {
        size_t forced = std::min(minrun, remaining);
        if (!binary_insertion_sort(lo, lo + forced, lo + run)) return false;
        run = static_cast<ptrdiff_t>(forced);
      }
      if (!push_run(lo, static_cast<size_t>(run))) return false;
      lo += run;
    }
    while (stack_.size() > 1)
      if (!merge_at(stack_.size() - 2)) return false;
    return true;
  }

  size_t comparisons() const { return comparisons_; }

 private:
  struct Run {
    size_t base;
    size_t len;
    int power;  // of the boundary between this run and the one below it
  };

  // 1, 0, or -1 with the error remembered.
  int lt(const K& a, const K& b) {
    ++comparisons_;
    return less_(a, b);
  }

  // minrun in [32, 64] such that n / minrun is a power of two or just
  // below one, so the final merges are balanced.
  static size_t compute_minrun(size_t n) {
    size_t extra = 0;
    while (n >= 64) {
      extra |= n & 1;
      n >>= 1;
    }
    return n + extra;
  }

  // Length of the run starting at lo: non-descending, or strictly
  // descending (strict so reversing it keeps equal elements in order).
  ptrdiff_t count_run(size_t lo, bool* descending) {
    size_t i = lo + 1;
    if (i == n_) return 1;
    int k = lt(base_.k[i], base_.k[i - 1]);
    if (k < 0) return -1;
    *descending = k == 1;
    for (++i; i < n_; ++i) {
      k = lt(base_.k[i], base_.k[i - 1]);
      if (k < 0) return -1;
      if ((k == 1) != *descending) break;
    }
    return static_cast<ptrdiff_t>(i - lo);
  }

  void reverse(size_t lo, size_t hi) {
    std::reverse(base_.k + lo, base_.k + hi);
    if constexpr (kHasValues) std::reverse(base_.v + lo, base_.v + hi);
  }

  // Sorts [lo, hi) given [lo, start) is sorted. The search for each
  // element's place finishes before anything moves.
  bool binary_insertion_sort(size_t lo, size_t hi, size_t start) {
    for (size_t i = start; i < hi; ++i) {
      size_t left = lo, right = i;
      while (left < right) {
        size_t mid = left + (right - left) / 2;
        int k = lt(base_.k[i], base_.k[mid]);
        if (k < 0) return false;
        if (k)
          right = mid;
        else
          left = mid + 1;
      }
      if (left == i) continue;
      K key = std::move(base_.k[i]);
      std::move_backward(base_.k + left, base_.k + i, base_.k + i + 1);
      base_.k[left] = std::move(key);
      if constexpr (kHasValues) {
        V value = std::move(base_.v[i]);
        std::move_backward(base_.v + left, base_.v + i, base_.v + i + 1);
        base_.v[left] = std::move(value);
      }
    }
    return true;
  }

  // Powersort: the boundary between two adjacent runs gets the depth at
  // which their midpoints fall into different halves of [0, n) when it is
  // split in two again and again. Runs merge when a deeper boundary is
  // left behind, which gives nearly optimal merge trees.
  int boundary_power(size_t s1, size_t n1, size_t n2) const {
    // Doubled midpoints, compared as binary fractions of 2n.
    uint64_t a = 2 * static_cast<uint64_t>(s1) + n1;
    uint64_t b = a + n1 + n2;
    uint64_t whole = 2 * static_cast<uint64_t>(n_);
    int power = 0;
    for (;;) {
      ++power;
      a <<= 1;
      b <<= 1;
      bool bit_a = a >= whole, bit_b = b >= whole;
      if (bit_a != bit_b) return power;
      if (bit_a) {
        a -= whole;
        b -= whole;
      }
    }
  }

  bool push_run(size_t base, size_t len) {
    if (!stack_.empty()) {
      const Run& top = stack_.back();
      int power = boundary_power(top.base, top.len, len);
      while (stack_.size() > 1 && stack_.back().power > power)
        if (!merge_at(stack_.size() - 2)) return false;
      stack_.push_back({base, len, power});
    } else {
      stack_.push_back({base, len, 0});
    }
    return true;
  }

  // Number of elements of a[0, n) that are < key (gallop_left) or <= key
  // (gallop_right), searching outward from `hint` then bisecting; -1 on a
  // comparison error.
  ptrdiff_t gallop_left(const K& key, const K* a, ptrdiff_t n, ptrdiff_t hint) {
    ptrdiff_t ofs = 1, lastofs = 0;
    int k = lt(a[hint], key);
    if (k < 0) return -1;
    if (k) {  // a[hint] < key: look right
      ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt(a[hint + ofs], key);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      ofs = std::min(ofs, maxofs);
      lastofs += hint;
      ofs += hint;
    } else {  // key <= a[hint]: look left
      ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt(a[hint - ofs], key);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      ofs = std::min(ofs, maxofs);
      ptrdiff_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    }
    // a[lastofs] < key <= a[ofs]
    ++lastofs;
    while (lastofs < ofs) {
      ptrdiff_t m = lastofs + (ofs - lastofs) / 2;
      k = lt(a[m], key);
      if (k < 0) return -1;
      if (k)
        lastofs = m + 1;
      else
        ofs = m;
    }
    return ofs;
  }

  ptrdiff_t gallop_right(const K& key, const K* a, ptrdiff_t n, ptrdiff_t hint) {
    ptrdiff_t ofs = 1, lastofs = 0;
    int k = lt(key, a[hint]);
    if (k < 0) return -1;
    if (k) {  // key < a[hint]: look left
      ptrdiff_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt(key, a[hint - ofs]);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      ofs = std::min(ofs, maxofs);
      ptrdiff_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    } else {  // a[hint] <= key: look right
      ptrdiff_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt(key, a[hint + ofs]);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      }
      ofs = std::min(ofs, maxofs);
      lastofs += hint;
      ofs += hint;
    }
    // a[lastofs] <= key < a[ofs]
    ++lastofs;
    while (lastofs < ofs) {
      ptrdiff_t m = lastofs + (ofs - lastofs) / 2;
      k = lt(key, a[m]);
      if (k < 0) return -1;
      if (k)
        ofs = m;
      else
        lastofs = m + 1;
    }
    return ofs;
  }

  // Merges stack_[i] and stack_[i + 1].
  bool merge_at(size_t i) {
    Run& r1 = stack_[i];
    const Run& r2 = stack_[i + 1];
    size_t a = r1.base, na = r1.len;
    size_t b = r2.base, nb = r2.len;
    r1.len = na + nb;
    stack_.erase(stack_.begin() + static_cast<ptrdiff_t>(i) + 1);
    // Elements of A not above B[0] and of B not below A's last are in place.
    ptrdiff_t k = gallop_right(base_.k[b], base_.k + a, static_cast<ptrdiff_t>(na), 0);
    if (k < 0) return false;
    a += k;
    na -= k;
    if (na == 0) return true;
    k = gallop_left(base_.k[a + na - 1], base_.k + b, static_cast<ptrdiff_t>(nb),
                    static_cast<ptrdiff_t>(nb) - 1);
    if (k < 0) return false;
    nb = static_cast<size_t>(k);
    if (nb == 0) return true;
    return na <= nb ? merge_lo(a, na, b, nb) : merge_hi(a, na, b, nb);
  }

  void reserve_temp(size_t n) {
    if (tmp_k_.size() < n) {
      tmp_k_.resize(n);
      if constexpr (kHasValues) tmp_v_.resize(n);
    }
  }

  S temp() {
    if constexpr (kHasValues)
      return {tmp_k_.data(), tmp_v_.data()};
    else
      return {tmp_k_.data(), nullptr};
  }

  // A = [a, a + na) goes to the buffer; merging fills from the left.
  // The gap [dest, pb) always has exactly na slots.
  bool merge_lo(size_t a, size_t na, size_t b, size_t nb) {
    reserve_temp(na);
    S tmp = temp();
    move_forward(tmp, base_ + a, na);
    S dest = base_ + a, pa = tmp, pb = base_ + b;
    bool ok = true;
    while (na > 0 && nb > 0) {
      size_t acount = 0, bcount = 0;
      // One pair at a time until one side keeps winning.
      while (na > 0 && nb > 0 && acount < min_gallop_ && bcount < min_gallop_) {
        int k = lt(*pb.k, *pa.k);
        if (k < 0) {
          ok = false;
          goto done;
        }
        if (k) {
          move_one(dest, pb);
          ++dest, ++pb, --nb, ++bcount, acount = 0;
        } else {
          move_one(dest, pa);
          ++dest, ++pa, --na, ++acount, bcount = 0;
        }
      }
      // Galloping: move whole stretches found by exponential search.
      ++min_gallop_;
      while (na > 0 && nb > 0) {
        min_gallop_ -= min_gallop_ > 1;
        ptrdiff_t k = gallop_right(*pb.k, pa.k, static_cast<ptrdiff_t>(na), 0);
        if (k < 0) {
          ok = false;
          goto done;
        }
        acount = static_cast<size_t>(k);
        move_forward(dest, pa, acount);
        dest = dest + k, pa = pa + k, na -= acount;
        if (na == 0) break;
        move_one(dest, pb);
        ++dest, ++pb, --nb;
        if (nb == 0) break;
        k = gallop_left(*pa.k, pb.k, static_cast<ptrdiff_t>(nb), 0);
        if (k < 0) {
          ok = false;
          goto done;
        }
        bcount = static_cast<size_t>(k);
        move_forward(dest, pb, bcount);
        dest = dest + k, pb = pb + k, nb -= bcount;
        if (nb == 0) break;
        move_one(dest, pa);
        ++dest, ++pa, --na;
        if (acount < kMinGallop && bcount < kMinGallop) {
          ++min_gallop_;  // galloping stopped paying off
          break;
        }
      }
    }
  done:
    // Whatever is left of A fills the gap (B's rest is already in place).
    move_forward(dest, pa, na);
    return ok;
  }

  // B = [b, b + nb) goes to the buffer; merging fills from the right.
  // The gap (pa, dest] always has exactly nb slots.
  bool merge_hi(size_t a, size_t na, size_t b, size_t nb) {
    reserve_temp(nb);
    S tmp = temp();
    move_forward(tmp, base_ + b, nb);
    // dest, pa, pb point at the last element of their ranges.
    S dest = base_ + (b + nb - 1), pa = base_ + (a + na - 1), pb = tmp + (nb - 1);
    const K* a_keys = base_.k + a;
    bool ok = true;
    while (na > 0 && nb > 0) {
      size_t acount = 0, bcount = 0;
      while (na > 0 && nb > 0 && acount < min_gallop_ && bcount < min_gallop_) {
        int k = lt(*pb.k, *pa.k);
        if (k < 0) {
          ok = false;
          goto done;
        }
        if (k) {  // B's last is smaller: A's last goes right
          move_one(dest, pa);
          --dest, --pa, --na, ++acount, bcount = 0;
        } else {
          move_one(dest, pb);
          --dest, --pb, --nb, ++bcount, acount = 0;
        }
      }
      ++min_gallop_;
      while (na > 0 && nb > 0) {
        min_gallop_ -= min_gallop_ > 1;
        // A elements above B's last move right as a block.
        ptrdiff_t k = gallop_right(*pb.k, a_keys, static_cast<ptrdiff_t>(na),
                                   static_cast<ptrdiff_t>(na) - 1);
        if (k < 0) {
          ok = false;
          goto done;
        }
        acount = na - static_cast<size_t>(k);
        dest = dest - static_cast<ptrdiff_t>(acount);
        pa = pa - static_cast<ptrdiff_t>(acount);
        move_backward(dest + 1 + static_cast<ptrdiff_t>(acount), pa + 1, acount);
        na -= acount;
        if (na == 0) break;
        move_one(dest, pb);
        --dest, --pb, --nb;
        if (nb == 0) break;
        // B elements not below A's last move as a block.
        k = gallop_left(*pa.k, tmp.k, static_cast<ptrdiff_t>(nb), static_cast<ptrdiff_t>(nb) - 1);
        if (k < 0) {
          ok = false;
          goto done;
        }
        bcount = nb - static_cast<size_t>(k);
        dest = dest - static_cast<ptrdiff_t>(bcount);
        pb = pb - static_cast<ptrdiff_t>(bcount);
        move_forward(dest + 1, pb + 1, bcount);
        nb -= bcount;
        if (nb == 0) break;
        move_one(dest, pa);
        --dest, --pa, --na;
        if (acount < kMinGallop && bcount < kMinGallop) {
          ++min_gallop_;
          break;
        }
      }
    }
  done:
    // What is left of B is the buffer's first nb elements; the gap ends
    // at dest.
    move_forward(dest - static_cast<ptrdiff_t>(nb) + 1, tmp, nb);
    return ok;
  }

  S base_;
  size_t n_;
  Less& less_;
  size_t min_gallop_ = kMinGallop;
  size_t comparisons_ = 0;
  std::vector<Run> stack_;
  std::vector<K> tmp_k_;
  std::vector<std::conditional_t<kHasValues, V, char>> tmp_v_;
};

}  // namespace timsort_detail

// Sorts items[0, n) stably by `less` (1: a < b, 0: not, -1: error). Returns
// false if a comparison failed; items is then a permutation of the input.
template <class T, class Less>
bool timsort(T* items, size_t n, Less less) {
  using timsort_detail::NoValues;
  timsort_detail::Sorter<T, NoValues, Less> sorter(items, nullptr, n, less);
  return sorter.run();
}

// sort(key=...): sorts keys[0, n) as timsort does and applies the same
// permutation to values[0, n).
template <class K, class V, class Less>
bool timsort_keyed(K* keys, V* values, size_t n, Less less) {
  timsort_detail::Sorter<K, V, Less> sorter(keys, values, n, less);
  return sorter.run();
}

}  // namespace pyrite::python::runtime
