// Timeout arguments of the blocking calls in select, _socket and
// _posixsubprocess's neighbours: CPython's _PyTime_FromSecondsObject and
// _PyTime_FromMillisecondsObject with _PyTime_ROUND_TIMEOUT (away from
// zero), to nanoseconds, and a monotonic deadline to count down after EINTR
// (docs/modules_net.md, "select").
#pragma once

#include <cmath>
#include <cstdint>
#include <ctime>

#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"

namespace pyrite::python::timeouts {

inline bool overflow() {
  raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
  return false;
}

// obj (a float or an int through __index__) times `unit_ns` nanoseconds;
// TypeError from __index__ for anything else (callers reword it).
inline bool to_ns(Value obj, int64_t unit_ns, int64_t* out) {
  if (is_float(obj)) {
    double d = float_value(obj);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double ns = d * double(unit_ns);
    ns = ns >= 0 ? std::ceil(ns) : std::floor(ns);
    if (!(-9223372036854775808.0 <= ns && ns < 9223372036854775808.0)) return overflow();
    *out = int64_t(ns);
    return true;
  }
  Value i = index(obj);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n || __builtin_mul_overflow(*n, unit_ns, out)) return overflow();
  return true;
}

inline bool seconds_to_ns(Value obj, int64_t* out) { return to_ns(obj, 1000000000, out); }
inline bool millis_to_ns(Value obj, int64_t* out) { return to_ns(obj, 1000000, out); }

inline int64_t monotonic_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Nanoseconds to whole milliseconds, rounded up (a poll that wakes early
// would spin), clamped to int.
inline int ns_to_ms_ceil(int64_t ns) {
  if (ns <= 0) return 0;
  int64_t ms = (ns + 999999) / 1000000;
  return ms > 0x7fffffff ? 0x7fffffff : int(ms);
}

}  // namespace pyrite::python::timeouts
