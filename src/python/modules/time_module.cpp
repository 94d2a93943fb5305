// The time module: CPython 3.11's clocks, sleep, struct_time and the
// conversions around the C library's calendar functions (docs/modules.md,
// "time").
//
// Conversions call the same libc functions CPython calls on Linux
// (clock_gettime, gmtime_r, localtime_r, mktime, wcsftime) with the same
// struct tm contents, so results follow the process's TZ exactly as
// python3.11's do. strptime is the pure-Python _strptime module, as in
// CPython.
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <cwchar>
#include <string>
#include <vector>

#include <pthread.h>

#include "gc/heap.h"
#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/namespace.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

constexpr int64_t kNsPerSec = 1000000000;

// ---- errors and arguments --------------------------------------------------------------------

// PyErr_SetFromErrno(PyExc_OSError): OSError(errno, strerror), which picks
// the errno's subclass.
Value raise_errno(int err) {
  Value args[2] = {Value::small(err), str_from_utf8(std::strerror(err))};
  Value e = exception_construct(exc::OSError, args, 2, nullptr);
  if (e) set_error(e.object());
  return {};
}

// PyArg_ParseTuple's count check: "gmtime() takes at most 1 argument (2 given)".
bool parse_tuple_count(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t n = nargs < min ? min : max;
  raisef(exc::TypeError, "%s() takes %s %zu argument%s (%zu given)", fname,
         min == max ? "exactly" : nargs < min ? "at least" : "at most", n, n == 1 ? "" : "s", nargs);
  return false;
}

// ---- CPython's _PyTime_t: int64 nanoseconds ----------------------------------------------------

enum class Round { kFloor, kUp };  // kUp: away from zero (_PyTime_ROUND_TIMEOUT)

double round_double(double d, Round r) {
  if (r == Round::kFloor) return std::floor(d);
  return d >= 0 ? std::ceil(d) : std::floor(d);
}

// _PyTime_AsSecondsDouble: whole seconds divided as integers (1e-9 is not
// exact), the rest as one division.
double ns_to_seconds(int64_t ns) {
  if (ns % kNsPerSec == 0) return double(ns / kNsPerSec);
  return double(ns) / 1e9;
}

Value time_t_overflow() {
  return raise(exc::OverflowError, "timestamp out of range for platform time_t");
}
Value pytime_overflow() {
  return raise(exc::OverflowError, "timestamp too large to convert to C _PyTime_t");
}

// _PyTime_FromSecondsObject: float seconds rounded to ns, or an int's
// seconds (through __index__).
bool seconds_to_ns(Value obj, Round round, int64_t* out) {
  if (is_float(obj)) {
    double d = float_value(obj);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double ns = round_double(d * 1e9, round);
    if (!(-9223372036854775808.0 <= ns && ns < 9223372036854775808.0)) {
      pytime_overflow();
      return false;
    }
    *out = int64_t(ns);
    return true;
  }
  Value i = index(obj);
  if (!i) return false;
  auto sec = int_to_i64(i);
  int64_t ns;
  if (!sec || __builtin_mul_overflow(*sec, kNsPerSec, &ns)) {
    pytime_overflow();
    return false;
  }
  *out = ns;
  return true;
}

// _PyTime_ObjectToTime_t: a float floored to whole seconds, or an int.
bool object_to_time_t(Value obj, time_t* out) {
  if (is_float(obj)) {
    double d = float_value(obj);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double whole;
    std::modf(std::floor(d), &whole);
    if (!(-9223372036854775808.0 <= whole && whole < 9223372036854775808.0)) {
      time_t_overflow();
      return false;
    }
    *out = time_t(whole);
    return true;
  }
  Value i = index(obj);
  if (!i) return false;
  auto v = int_to_i64(i);
  if (!v) {
    time_t_overflow();
    return false;
  }
  *out = time_t(*v);
  return true;
}

bool read_clock(clockid_t id, int64_t* ns) {
  struct timespec ts;
  if (clock_gettime(id, &ts) != 0) {
    raise_errno(errno);
    return false;
  }
  *ns = int64_t(ts.tv_sec) * kNsPerSec + ts.tv_nsec;
  return true;
}

// ---- the clocks ------------------------------------------------------------------------------

struct Clock {
  const char* name;            // get_clock_info's name
  clockid_t id;
  const char* implementation;
  bool monotonic;
  bool adjustable;
};

const Clock kClocks[] = {
    {"time", CLOCK_REALTIME, "clock_gettime(CLOCK_REALTIME)", false, true},
    {"monotonic", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
    {"perf_counter", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
    {"process_time", CLOCK_PROCESS_CPUTIME_ID, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true,
     false},
    {"thread_time", CLOCK_THREAD_CPUTIME_ID, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false},
};

template <clockid_t kId>
Value clock_seconds(Value, const Value*, size_t, Tuple*) {
  int64_t ns;
  if (!read_clock(kId, &ns)) return {};
  return float_new(ns_to_seconds(ns));
}

template <clockid_t kId>
Value clock_ns(Value, const Value*, size_t, Tuple*) {
  int64_t ns;
  if (!read_clock(kId, &ns)) return {};
  return int_from_i64(ns);
}

Value time_get_clock_info(Value, const Value* args, size_t nargs, Tuple*) {
  if (!parse_tuple_count("get_clock_info", nargs, 1, 1)) return {};
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "get_clock_info() argument 1 must be str, not %s",
                  type_name(args[0]).c_str());
  }
  std::string name = str_to_utf8(args[0].as<Str>());
  if (name.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null character");
  for (const Clock& c : kClocks) {
    if (name != c.name) continue;
    int64_t ns;
    if (!read_clock(c.id, &ns)) return {};
    struct timespec res;
    if (clock_getres(c.id, &res) != 0) return raise_errno(errno);
    return namespace_new({{"implementation", str_from_utf8(c.implementation)},
                          {"monotonic", py_bool(c.monotonic)},
                          {"adjustable", py_bool(c.adjustable)},
                          {"resolution", float_new(double(res.tv_sec) + double(res.tv_nsec) * 1e-9)}});
  }
  return raise(exc::ValueError, "unknown clock");
}

Value time_clock_gettime(Value, const Value* args, size_t nargs, Tuple*) {
  int id;
  if (!parse_tuple_count("clock_gettime", nargs, 1, 1) || !arg_int(args[0], &id)) return {};
  struct timespec ts;
  if (clock_gettime(clockid_t(id), &ts) != 0) return raise_errno(errno);
  return float_new(double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
}

// CPython names this one "clock_gettime" in its argument errors too.
Value time_clock_gettime_ns(Value, const Value* args, size_t nargs, Tuple*) {
  int id;
  if (!parse_tuple_count("clock_gettime", nargs, 1, 1) || !arg_int(args[0], &id)) return {};
  int64_t ns;
  if (!read_clock(clockid_t(id), &ns)) return {};
  return int_from_i64(ns);
}

Value time_clock_getres(Value, const Value* args, size_t nargs, Tuple*) {
  int id;
  if (!parse_tuple_count("clock_getres", nargs, 1, 1) || !arg_int(args[0], &id)) return {};
  struct timespec ts;
  if (clock_getres(clockid_t(id), &ts) != 0) return raise_errno(errno);
  return float_new(double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
}

Value set_clock(int id, int64_t ns) {
  struct timespec ts;
  ts.tv_sec = time_t(ns / kNsPerSec);
  ts.tv_nsec = long(ns % kNsPerSec);
  if (ts.tv_nsec < 0) {
    ts.tv_nsec += kNsPerSec;
    ts.tv_sec -= 1;
  }
  if (clock_settime(clockid_t(id), &ts) != 0) return raise_errno(errno);
  return none();
}

Value time_clock_settime(Value, const Value* args, size_t nargs, Tuple*) {
  int id;
  int64_t ns;
  if (!parse_tuple_count("clock_settime", nargs, 2, 2) || !arg_int(args[0], &id) ||
      !seconds_to_ns(args[1], Round::kFloor, &ns))
    return {};
  return set_clock(id, ns);
}

Value time_clock_settime_ns(Value, const Value* args, size_t nargs, Tuple*) {
  int id;
  if (!parse_tuple_count("clock_settime", nargs, 2, 2) || !arg_int(args[0], &id)) return {};
  if (!is_int(args[1])) {
    return raisef(exc::TypeError, "expect int, got %s", type_name(args[1]).c_str());
  }
  auto ns = int_to_i64(args[1]);
  if (!ns) return pytime_overflow();
  return set_clock(id, *ns);
}

Value time_pthread_getcpuclockid(Value, const Value* args, size_t nargs, Tuple*) {
  if (!parse_tuple_count("pthread_getcpuclockid", nargs, 1, 1)) return {};
  if (!is_int(args[0])) {
    return raisef(exc::TypeError, "pthread_getcpuclockid() argument 1 must be int, not %s",
                  type_name(args[0]).c_str());
  }
  mpz_t scratch;
  mpz_init(scratch);
  unsigned long id = mpz_get_ui(int_as_mpz(args[0], scratch));  // "k": modulo 2**64
  if (int_sign(args[0]) < 0) id = 0UL - id;
  mpz_clear(scratch);
  // Only this process's one thread exists; glibc would read any other
  // pthread_t as a pointer (CPython crashes on a bad id).
  if (id != (unsigned long)pthread_self()) return raise_errno(ESRCH);
  clockid_t clk;
  int err = pthread_getcpuclockid(pthread_self(), &clk);
  if (err) return raise_errno(err);
  return int_from_i64(clk);
}

// sleep(secs): an absolute deadline on the monotonic clock, so a signal
// that interrupts clock_nanosleep (EINTR) resumes the remaining time.
// The Python signal handlers run at that point (PyErr_CheckSignals), so
// Ctrl-C is a KeyboardInterrupt during a sleep.
Value time_sleep(Value, const Value* args, size_t, Tuple*) {
  int64_t ns;
  if (!seconds_to_ns(args[0], Round::kUp, &ns)) return {};
  if (ns < 0) return raise(exc::ValueError, "sleep length must be non-negative");
  int64_t now;
  if (!read_clock(CLOCK_MONOTONIC, &now)) return {};
  int64_t deadline;
  if (__builtin_add_overflow(now, ns, &deadline)) deadline = INT64_MAX;
  struct timespec abs;
  abs.tv_sec = time_t(deadline / kNsPerSec);
  abs.tv_nsec = long(deadline % kNsPerSec);
  for (;;) {
    int err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, nullptr);
    if (err == 0) return none();
    if (err != EINTR) return raise_errno(err);
    if (!run_signal_handlers()) return {};
  }
}

// ---- struct_time -----------------------------------------------------------------------------
// A struct sequence: a tuple of the 9 visible fields whose object holds two
// more items after them (tm_zone, tm_gmtoff), as CPython's structseq does.
// Its own GC layout traces and sizes all 11; tuple code sees length 9.

constexpr int kVisibleFields = 9;
constexpr int kAllFields = 11;

const char* const kFieldNames[kAllFields] = {"tm_year", "tm_mon",  "tm_mday",  "tm_hour",
                                             "tm_min",  "tm_sec",  "tm_wday",  "tm_yday",
                                             "tm_isdst", "tm_zone", "tm_gmtoff"};

Type* g_struct_time = nullptr;
gc::LayoutId g_struct_time_layout = gc::kNoLayout;

size_t struct_time_bytes(int64_t visible) {
  return sizeof(Tuple) + size_t(visible + (kAllFields - kVisibleFields)) * sizeof(Value);
}

void trace_struct_time(void* obj, gc::Visitor& v) {
  auto* t = static_cast<Tuple*>(obj);
  v.visit(t->type);
  const Value* items = t->items();
  for (int64_t i = 0; i < t->length + (kAllFields - kVisibleFields); i++) visit_value(v, items[i]);
}

size_t size_struct_time(const void* obj) {
  return struct_time_bytes(static_cast<const Tuple*>(obj)->length);
}

// A struct_time with all 11 items (the hidden ones None until set).
Tuple* struct_time_alloc() {
  auto* t = alloc_var_instance<Tuple>(g_struct_time, struct_time_bytes(kVisibleFields));
  if (!t) return nullptr;
  t->length = kVisibleFields;
  t->hash = -1;
  for (int i = 0; i < kAllFields; i++) t->items()[i] = none();
  return t;
}

// structseq(sequence, dict=None) with Argument Clinic's checks in its order.
bool struct_time_args(const Value* args, size_t nargs, Tuple* kwnames, Value* seq, Value* dict) {
  static const char* const kNames[] = {"sequence", "dict"};
  return parse_args({"structseq", kNames, 1, 0, -1, true}, args, nargs, kwnames, {seq, dict});
}

Value struct_time_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value seq, dict;
  if (!struct_time_args(args, nargs, kwnames, &seq, &dict)) return {};
  Tuple* items = sequence_fast(seq, "constructor requires a sequence");
  if (!items) return {};
  if (dict && !is_dict(dict))
    return raise(exc::TypeError, "time.struct_time() takes a dict as second arg, if any");
  int64_t len = items->length;
  if (len < kVisibleFields) {
    return raisef(exc::TypeError,
                  "time.struct_time() takes an at least %d-sequence (%lld-sequence given)",
                  kVisibleFields, (long long)len);
  }
  if (len > kAllFields) {
    return raisef(exc::TypeError,
                  "time.struct_time() takes an at most %d-sequence (%lld-sequence given)",
                  kAllFields, (long long)len);
  }
  Tuple* t = struct_time_alloc();
  if (!t) return {};
  for (int64_t i = 0; i < len; i++) t->items()[i] = items->at(i);
  for (int64_t i = len; i < kAllFields; i++) {
    if (!dict) continue;
    Value v = dict_get(dict.as<Dict>(), intern(kFieldNames[i]));
    if (v) t->items()[i] = v;
    else if (has_error()) return {};
  }
  return t;
}

Value struct_time_repr(Value self) {
  Tuple* t = self.as<Tuple>();
  std::string s = "time.struct_time(";
  for (int i = 0; i < kVisibleFields; i++) {
    Value r = repr(t->items()[i]);
    if (!r) return {};
    if (i) s += ", ";
    s += std::string(kFieldNames[i]) + "=" + str_to_utf8(r.as<Str>());
  }
  return str_from_utf8(s + ")");
}

// (struct_time, (visible items, {hidden field: value}))
Value struct_time_reduce(Value self, const Value*, size_t, Tuple*) {
  Tuple* t = self.as<Tuple>();
  Tuple* visible = tuple_from_array(t->items(), kVisibleFields);
  Dict* hidden = dict_new();
  for (int i = kVisibleFields; i < kAllFields; i++) {
    if (!dict_set_str(hidden, intern(kFieldNames[i]), t->items()[i])) return {};
  }
  return tuple_of({g_struct_time, tuple_of({visible, hidden})});
}

template <int I>
Value struct_time_field(Value self) {
  return self.as<Tuple>()->items()[I];
}
bool struct_time_readonly(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

const MethodDef kStructTimeMethods[] = {
    {"__reduce__", struct_time_reduce, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

const GetSetDef kStructTimeFields[] = {
    {"tm_year", struct_time_field<0>, struct_time_readonly, "year, for example, 1993"},
    {"tm_mon", struct_time_field<1>, struct_time_readonly, "month of year, range [1, 12]"},
    {"tm_mday", struct_time_field<2>, struct_time_readonly, "day of month, range [1, 31]"},
    {"tm_hour", struct_time_field<3>, struct_time_readonly, "hours, range [0, 23]"},
    {"tm_min", struct_time_field<4>, struct_time_readonly, "minutes, range [0, 59]"},
    {"tm_sec", struct_time_field<5>, struct_time_readonly, "seconds, range [0, 61])"},
    {"tm_wday", struct_time_field<6>, struct_time_readonly, "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", struct_time_field<7>, struct_time_readonly, "day of year, range [1, 366]"},
    {"tm_isdst", struct_time_field<8>, struct_time_readonly,
     "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", struct_time_field<9>, struct_time_readonly, "abbreviation of timezone name"},
    {"tm_gmtoff", struct_time_field<10>, struct_time_readonly, "offset from UTC in seconds"},
    {nullptr, nullptr},
};

void make_struct_time_type() {
  gc::LayoutInfo info;
  info.name = "time.struct_time";
  info.trace = trace_struct_time;
  info.size = size_struct_time;
  g_struct_time_layout = gc::register_layout(info);
  TypeSpec spec;
  spec.name = "struct_time";
  spec.module = "time";
  spec.base = types::tuple;
  spec.layout = g_struct_time_layout;
  spec.instance_size = sizeof(Tuple);
  spec.trace = trace_struct_time;
  spec.slots.new_ = struct_time_new;
  spec.slots.repr = struct_time_repr;
  spec.methods = kStructTimeMethods;
  spec.getsets = kStructTimeFields;
  spec.doc =
      "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
      " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
      " sequence of 9 integers.\n\n"
      " Note that several fields' values are not the same as those defined by\n"
      " the C language standard for struct tm.  For example, the value of the\n"
      " field tm_year is the actual year, not year - 1900.  See individual\n"
      " fields' descriptions for details.";
  Type* t = make_builtin_type(&g_struct_time, spec);
  Tuple* match = tuple_new(kVisibleFields);
  for (int i = 0; i < kVisibleFields; i++) match->items()[i] = intern(kFieldNames[i]);
  dict_set_str(t->dict, intern("n_sequence_fields"), Value::small(kVisibleFields));
  dict_set_str(t->dict, intern("n_fields"), Value::small(kAllFields));
  dict_set_str(t->dict, intern("n_unnamed_fields"), Value::small(0));
  dict_set_str(t->dict, intern("__match_args__"), match);
  type_modified(t, nullptr);
}

// struct tm -> struct_time, with Python's conventions (year itself, January
// is 1, Monday is 0, January 1st is day 1).
Value tm_to_struct_time(const struct tm& tm) {
  Tuple* t = struct_time_alloc();
  if (!t) return {};
  Value* it = t->items();
  it[0] = int_from_i64(int64_t(tm.tm_year) + 1900);
  it[1] = Value::small(tm.tm_mon + 1);
  it[2] = Value::small(tm.tm_mday);
  it[3] = Value::small(tm.tm_hour);
  it[4] = Value::small(tm.tm_min);
  it[5] = Value::small(tm.tm_sec);
  it[6] = Value::small((tm.tm_wday + 6) % 7);
  it[7] = Value::small(tm.tm_yday + 1);
  it[8] = Value::small(tm.tm_isdst);
  it[9] = tm.tm_zone ? Value(str_from_utf8(tm.tm_zone)) : none();
  it[10] = int_from_i64(tm.tm_gmtoff);
  return t;
}

// gettmarg(): a tuple (or struct_time) of 9 C ints -> struct tm. `what` is
// the function's name in "asctime(): illegal time tuple argument".
// `zone` keeps the text tm_zone points to.
bool tuple_to_tm(Value arg, struct tm* tm, const char* what, std::string* zone) {
  std::memset(tm, 0, sizeof(*tm));
  if (!is_tuple(arg)) {
    raise(exc::TypeError, "Tuple or struct_time argument required");
    return false;
  }
  Tuple* t = arg.as<Tuple>();
  if (t->length != kVisibleFields) {
    raisef(exc::TypeError, "%s(): illegal time tuple argument", what);
    return false;
  }
  int f[kVisibleFields];
  for (int i = 0; i < kVisibleFields; i++) {
    if (!arg_int(t->at(i), &f[i])) return false;
  }
  if (f[0] < INT_MIN + 1900) {
    raise(exc::OverflowError, "year out of range");
    return false;
  }
  tm->tm_year = f[0] - 1900;
  tm->tm_mon = f[1] - 1;
  tm->tm_mday = f[2];
  tm->tm_hour = f[3];
  tm->tm_min = f[4];
  tm->tm_sec = f[5];
  tm->tm_wday = (f[6] + 1) % 7;
  tm->tm_yday = f[7] - 1;
  tm->tm_isdst = f[8];
  if (type_of(arg) == g_struct_time) {
    Value z = t->items()[9];
    if (!is_none(z)) {
      if (!is_str(z)) {
        raise(exc::TypeError, "bad argument type for built-in operation");
        return false;
      }
      *zone = str_to_utf8(z.as<Str>());
      tm->tm_zone = zone->c_str();
    }
    Value off = t->items()[10];
    if (!is_none(off)) {
      long v;
      if (!arg_long(off, &v)) return false;
      tm->tm_gmtoff = v;
    }
  }
  return true;
}

// checktm(): the ranges asctime and strftime index tables with; 0 for the
// month, day of month and day of year means the first.
bool check_tm(struct tm* tm) {
  const char* bad = nullptr;
  if (tm->tm_mon == -1)
    tm->tm_mon = 0;
  else if (tm->tm_mon < 0 || tm->tm_mon > 11)
    bad = "month out of range";
  if (!bad) {
    if (tm->tm_mday == 0)
      tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31)
      bad = "day of month out of range";
  }
  if (!bad && (tm->tm_hour < 0 || tm->tm_hour > 23)) bad = "hour out of range";
  if (!bad && (tm->tm_min < 0 || tm->tm_min > 59)) bad = "minute out of range";
  if (!bad && (tm->tm_sec < 0 || tm->tm_sec > 61)) bad = "seconds out of range";
  if (!bad && tm->tm_wday < 0) bad = "day of week out of range";
  if (!bad) {
    if (tm->tm_yday == -1)
      tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365)
      bad = "day of year out of range";
  }
  if (bad) {
    raise(exc::ValueError, bad);
    return false;
  }
  return true;
}

bool local_tm(time_t t, struct tm* tm) {
  errno = 0;
  if (!localtime_r(&t, tm)) {
    raise_errno(errno ? errno : EINVAL);
    return false;
  }
  return true;
}

// The optional seconds argument of gmtime/localtime/ctime: now when absent or None.
bool seconds_arg(const char* fname, const Value* args, size_t nargs, time_t* out) {
  if (!parse_tuple_count(fname, nargs, 0, 1)) return false;
  if (nargs == 0 || is_none(args[0])) {
    *out = time(nullptr);
    return true;
  }
  return object_to_time_t(args[0], out);
}

Value time_gmtime(Value, const Value* args, size_t nargs, Tuple*) {
  time_t t;
  if (!seconds_arg("gmtime", args, nargs, &t)) return {};
  struct tm tm;
  errno = 0;
  if (!gmtime_r(&t, &tm)) return raise_errno(errno ? errno : EINVAL);
  return tm_to_struct_time(tm);
}

Value time_localtime(Value, const Value* args, size_t nargs, Tuple*) {
  time_t t;
  if (!seconds_arg("localtime", args, nargs, &t)) return {};
  struct tm tm;
  if (!local_tm(t, &tm)) return {};
  return tm_to_struct_time(tm);
}

Value time_mktime(Value, const Value* args, size_t, Tuple*) {
  struct tm tm;
  std::string zone;
  if (!tuple_to_tm(args[0], &tm, "mktime", &zone)) return {};
  tm.tm_wday = -1;  // mktime sets it on success: -1 is then a real time
  time_t t = mktime(&tm);
  if (t == time_t(-1) && tm.tm_wday == -1) return raise(exc::OverflowError, "mktime argument out of range");
  return float_new(double(t));
}

// asctime's fixed format: "Sun Sep 16 01:03:52 1973" (no newline, any year).
Value format_asctime(const struct tm& tm) {
  static const char kDays[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[96];
  std::snprintf(buf, sizeof(buf), "%s %s%3d %.2d:%.2d:%.2d %lld", kDays[tm.tm_wday],
                kMonths[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                (long long)tm.tm_year + 1900);
  return str_from_utf8(buf);
}

Value time_asctime(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("asctime", nargs, 0, 1)) return {};
  struct tm tm;
  std::string zone;
  if (nargs == 0) {
    if (!local_tm(time(nullptr), &tm)) return {};
  } else if (!tuple_to_tm(args[0], &tm, "asctime", &zone) || !check_tm(&tm)) {
    return {};
  }
  return format_asctime(tm);
}

Value time_ctime(Value, const Value* args, size_t nargs, Tuple*) {
  time_t t;
  if (!seconds_arg("ctime", args, nargs, &t)) return {};
  struct tm tm;
  if (!local_tm(t, &tm)) return {};
  return format_asctime(tm);
}

// strftime through wcsftime, as CPython on Linux: the format's code points
// are wide characters (lone surrogates pass through), the buffer doubles
// from 1024 until the result fits or is 256 times the format (an empty
// result is then real: "%p" in some locales, "").
Value time_strftime(Value, const Value* args, size_t nargs, Tuple*) {
  if (!parse_tuple_count("strftime", nargs, 1, 2)) return {};
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "strftime() argument 1 must be str, not %s",
                  type_name(args[0]).c_str());
  }
  struct tm tm;
  std::string zone;
  if (nargs == 1) {
    if (!local_tm(time(nullptr), &tm)) return {};
  } else if (!tuple_to_tm(args[1], &tm, "strftime", &zone) || !check_tm(&tm)) {
    return {};
  }
  if (tm.tm_isdst < -1)
    tm.tm_isdst = -1;
  else if (tm.tm_isdst > 1)
    tm.tm_isdst = 1;
  std::u32string cps = str_to_u32(args[0].as<Str>());
  std::wstring fmt(cps.begin(), cps.end());
  if (fmt.find(L'\0') != std::wstring::npos) return raise(exc::ValueError, "embedded null character");
  for (size_t size = 1024;; size += size) {
    std::vector<wchar_t> buf(size);
    size_t n = wcsftime(buf.data(), size, fmt.c_str(), &tm);
    if (n > 0 || size >= 256 * fmt.size()) {
      std::u32string out(buf.data(), buf.data() + n);
      return str_from_u32(out);
    }
  }
}

// strptime(string, format): _strptime._strptime_time(*args), as CPython.
Value time_strptime(Value, const Value* args, size_t nargs, Tuple*) {
  Value mod = import_module_level(intern("_strptime"), Value(), Value(), 0);
  if (!mod) return {};
  Value fn = get_attr(mod, intern("_strptime_time"));
  if (!fn) return {};
  return call(fn, args, nargs);
}

// ---- the time zone ---------------------------------------------------------------------------
// CPython's glibc build derives timezone/altzone/daylight/tzname from two
// localtime() calls half a year apart (not from the C globals): the zone of
// this year's start and of its middle, swapped in the southern hemisphere.

bool set_timezone(Module* m) {
  constexpr time_t kYear = (365 * 24 + 6) * 3600;
  time_t t = (time(nullptr) / kYear) * kYear;
  struct tm jan, jul;
  if (!local_tm(t, &jan) || !local_tm(t + kYear / 2, &jul)) return false;
  long jan_zone = -jan.tm_gmtoff;
  long jul_zone = -jul.tm_gmtoff;
  if (jan_zone < INT_MIN || jan_zone > INT_MAX || jul_zone < INT_MIN || jul_zone > INT_MAX) {
    raise(exc::OverflowError, "invalid GMT offset");
    return false;
  }
  auto name = [](const struct tm& tm) {
    std::string z = tm.tm_zone ? tm.tm_zone : "   ";
    return str_from_utf8(z.substr(0, 9));
  };
  bool south = jan_zone < jul_zone;
  Dict* d = m->dict;
  dict_set_str(d, intern("timezone"), int_from_i64(south ? jul_zone : jan_zone));
  dict_set_str(d, intern("altzone"), int_from_i64(south ? jan_zone : jul_zone));
  dict_set_str(d, intern("daylight"), Value::small(jan_zone != jul_zone));
  dict_set_str(d, intern("tzname"),
               south ? tuple_of({name(jul), name(jan)}) : tuple_of({name(jan), name(jul)}));
  return true;
}

Value time_tzset(Value self, const Value*, size_t, Tuple*) {
  tzset();
  if (!is_module(self)) return none();
  if (!set_timezone(self.as<Module>())) return {};
  return none();
}

// ---- the module --------------------------------------------------------------------------

constexpr uint32_t kNo = MethodFlag::kNoArgs;
constexpr uint32_t kO = MethodFlag::kOneArg;
constexpr uint32_t kTuple = MethodFlag::kVarArgs | MethodFlag::kTupleArgs;  // METH_VARARGS
constexpr uint32_t kFast = MethodFlag::kVarArgs;                            // METH_FASTCALL

// clang-format off
const MethodDef kFunctions[] = {
    {"time", clock_seconds<CLOCK_REALTIME>, kNo, "Return the current time in seconds since the Epoch."},
    {"time_ns", clock_ns<CLOCK_REALTIME>, kNo, "Return the current time in nanoseconds since the Epoch."},
    {"thread_time", clock_seconds<CLOCK_THREAD_CPUTIME_ID>, kNo, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", clock_ns<CLOCK_THREAD_CPUTIME_ID>, kNo, "Thread time for profiling as nanoseconds."},
    {"clock_gettime", time_clock_gettime, kTuple, "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", time_clock_gettime_ns, kTuple, "Return the time of the specified clock clk_id as nanoseconds."},
    {"clock_settime", time_clock_settime, kTuple, "Set the time of the specified clock clk_id."},
    {"clock_settime_ns", time_clock_settime_ns, kTuple, "Set the time of the specified clock clk_id with nanoseconds."},
    {"clock_getres", time_clock_getres, kTuple, "Return the resolution (precision) of the specified clock clk_id."},
    {"pthread_getcpuclockid", time_pthread_getcpuclockid, kTuple, "Return the clk_id of a thread's CPU time clock."},
    {"sleep", time_sleep, kO, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, kTuple, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, kTuple, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"asctime", time_asctime, kTuple, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, kTuple, "Convert a time in seconds since the Epoch to a string in local time."},
    {"mktime", time_mktime, kO, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, kTuple, "Convert a time tuple to a string according to a format specification."},
    {"strptime", time_strptime, kTuple, "Parse a string to a time tuple according to a format specification."},
    {"tzset", time_tzset, kNo, "Initialize, or reinitialize, the local timezone to the value of TZ."},
    {"monotonic", clock_seconds<CLOCK_MONOTONIC>, kNo, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", clock_ns<CLOCK_MONOTONIC>, kNo, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"process_time", clock_seconds<CLOCK_PROCESS_CPUTIME_ID>, kNo, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", clock_ns<CLOCK_PROCESS_CPUTIME_ID>, kNo, "Process time for profiling as nanoseconds."},
    {"perf_counter", clock_seconds<CLOCK_MONOTONIC>, kNo, "Performance counter for benchmarking."},
    {"perf_counter_ns", clock_ns<CLOCK_MONOTONIC>, kNo, "Performance counter for benchmarking as nanoseconds."},
    {"get_clock_info", time_get_clock_info, kTuple, "Get information of the specified clock."},
    {nullptr, nullptr, 0},
};
// clang-format on

}  // namespace

Module* make_time_module() {
  if (!g_struct_time) make_struct_time_type();
  Module* m = module_new(intern("time"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("This module provides various functions to manipulate time values.\n\n"
                             "Time is measured in seconds since the Epoch (UTC), or broken down "
                             "into a struct_time\nin UTC (gmtime) or in local time (localtime)."));
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("time")));
  }
  static const struct {
    const char* name;
    clockid_t id;
  } kClockIds[] = {{"CLOCK_REALTIME", CLOCK_REALTIME},
                   {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                   {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
                   {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                   {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
                   {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
                   {"CLOCK_TAI", CLOCK_TAI}};
  for (const auto& c : kClockIds) dict_set_str(m->dict, intern(c.name), Value::small(c.id));
  dict_set_str(m->dict, intern("_STRUCT_TM_ITEMS"), Value::small(kAllFields));
  dict_set_str(m->dict, intern("struct_time"), g_struct_time);
  tzset();
  if (!set_timezone(m)) return nullptr;
  return m;
}

}  // namespace pyrite::python
