// Int and format-spec algorithms of src/python/runtime against CPython 3.11
// (docs/runtime.md, "Numbers"): the generated table data/int_cases.txt
// (data/gen_int_cases.py) plus hand-picked cases.
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "python/runtime/bigint.h"
#include "python/runtime/format_spec.h"
#include "python/runtime/num_hash.h"

namespace pyrite::python::runtime {
namespace {

std::string data_path(const char* name) {
  std::string here = __FILE__;
  return here.substr(0, here.rfind('/')) + "/data/" + name;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    char c = s[++i];
    out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c);
  }
  return out;
}

std::string bits(double x) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(std::bit_cast<uint64_t>(x)));
  return buf;
}

double from_bits(const std::string& hex) {
  uint64_t u = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), u, 16);
  return std::bit_cast<double>(u);
}

const char* kind_name(NumError::Kind k) {
  switch (k) {
    case NumError::kValueError: return "ValueError";
    case NumError::kOverflowError: return "OverflowError";
    case NumError::kZeroDivisionError: return "ZeroDivisionError";
    case NumError::kTypeError: return "TypeError";
    case NumError::kMemoryError: return "MemoryError";
    case NumError::kNone: return "None";
  }
  return "?";
}

std::string err_text(const NumError& e) { return std::string("!") + kind_name(e.kind) + ": " + e.message; }

// An mpz that frees itself.
struct Z {
  mpz_t v;
  Z() { mpz_init(v); }
  explicit Z(const std::string& dec) {
    mpz_init(v);
    EXPECT_EQ(mpz_set_str(v, dec.c_str(), 10), 0) << dec;
  }
  ~Z() { mpz_clear(v); }
  std::string str() const {
    std::string s(mpz_sizeinbase(v, 10) + 2, '\0');
    mpz_get_str(s.data(), 10, v);
    s.resize(std::strlen(s.c_str()));
    return s;
  }
};

PercentSpec parse_percent(const std::string& s) {
  PercentSpec p;
  size_t i = 1;
  for (; i < s.size() && std::strchr("-+ #0", s[i]); ++i) {
    switch (s[i]) {
      case '-': p.left = true; break;
      case '+': p.plus = true; break;
      case ' ': p.space = true; break;
      case '#': p.alternate = true; break;
      case '0': p.zero = true; break;
    }
  }
  auto num = [&](int64_t* out) {
    size_t b = i;
    int64_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
    if (i > b) *out = v;
  };
  num(&p.width);
  if (i < s.size() && s[i] == '.') {
    ++i;
    p.precision = 0;
    num(&p.precision);
  }
  p.type = s[i];
  return p;
}

std::string show(const NumResult<std::string>& r) { return r.ok() ? r.value : err_text(r.error); }
std::string show(const NumResult<double>& r) { return r.ok() ? bits(r.value) : err_text(r.error); }

bool fits_i64(const Z& z) { return mpz_fits_slong_p(z.v) != 0; }

std::string format_both(const Z& v, const std::string& spec_text, std::string* i64_result) {
  NumResult<FormatSpec> spec = parse_format_spec(spec_text, "int", 'd', '>');
  if (!spec.ok()) {
    *i64_result = err_text(spec.error);
    return *i64_result;
  }
  if (fits_i64(v)) *i64_result = show(format_int(static_cast<int64_t>(mpz_get_si(v.v)), spec.value));
  return show(format_int(v.v, spec.value, 4300));
}

std::string run_int_case(const std::vector<std::string>& f, std::string* alt) {
  const std::string& op = f[0];
  if (op == "fstr") {
    NumResult<FormatSpec> spec = parse_format_spec(unescape(f[2]), "str", 's', '<');
    if (!spec.ok()) return err_text(spec.error);
    return show(format_str(unescape(f[1]), spec.value));
  }
  if (op == "frombytes") {
    std::vector<uint8_t> data;
    for (size_t i = 0; f[1] != "-" && i < f[1].size(); i += 2) {
      data.push_back(static_cast<uint8_t>(std::stoi(f[1].substr(i, 2), nullptr, 16)));
    }
    Z out;
    bigint::from_bytes(out.v, data.data(), data.size(), f[2] == "little", f[3] == "1");
    return out.str();
  }
  if (op == "parse") {
    Z out;
    NumError e = bigint::parse_int(unescape(f[1]), std::stoi(f[2]), 4300, out.v);
    if (!e.ok()) return e.message.empty() ? "!invalid" : err_text(e);
    return out.str();
  }
  if (op == "fromdouble") {
    Z out;
    NumError e = bigint::from_double(out.v, from_bits(f[1]));
    return e.ok() ? out.str() : err_text(e);
  }
  if (op == "ratio") {
    Z num, den;
    NumError e = bigint::as_integer_ratio(from_bits(f[1]), num.v, den.v);
    return e.ok() ? num.str() + " " + den.str() : err_text(e);
  }
  Z v(f[1]);
  if (op == "format") return format_both(v, unescape(f[2]), alt);
  if (op == "cmpdouble") return std::to_string(bigint::compare_with_double(v.v, from_bits(f[2])));
  if (op == "roundint") {
    Z out;
    bigint::round_int(out.v, v.v, std::stoll(f[2]));
    return out.str();
  }
  if (op == "pow") {
    Z out;
    NumError e = bigint::pow(out.v, v.v, std::stoull(f[2]));
    return e.ok() ? out.str() : err_text(e);
  }
  if (op == "percent") {
    PercentSpec p = parse_percent(f[2]);
    if (fits_i64(v)) *alt = percent_format_int(static_cast<int64_t>(mpz_get_si(v.v)), p);
    return show(percent_format_int(v.v, p, 4300));
  }
  if (op == "bin") {
    return bigint::to_base(v.v, 2) + "\t" + bigint::to_base(v.v, 8) + "\t" + bigint::to_base(v.v, 16);
  }
  if (op == "todouble") return show(bigint::to_double(v.v));
  if (op == "hash") {
    if (fits_i64(v)) *alt = std::to_string(hash_int64(mpz_get_si(v.v)));
    return std::to_string(bigint::hash_mpz(v.v));
  }
  if (op == "bits") {
    return std::to_string(bigint::bit_length(v.v)) + "\t" + std::to_string(bigint::bit_count(v.v));
  }
  if (op == "str") {
    return show(bigint::to_decimal(v.v, std::stoull(f[2])));
  }
  if (op == "tobytes") {
    std::vector<uint8_t> out;
    NumError e = bigint::to_bytes(v.v, std::stoull(f[2]), f[3] == "little", f[4] == "1", &out);
    if (!e.ok()) return err_text(e);
    std::string hex;
    char buf[3];
    for (uint8_t b : out) {
      std::snprintf(buf, sizeof buf, "%02x", b);
      hex += buf;
    }
    return hex.empty() ? "-" : hex;
  }
  Z w(f[2]);
  if (op == "truediv") return show(bigint::true_divide(v.v, w.v));
  Z q, r;
  if (op == "floordiv") {
    if (fits_i64(v) && fits_i64(w) && mpz_sgn(w.v) != 0) {
      int64_t qi;
      if (bigint::floor_divide_i64(mpz_get_si(v.v), mpz_get_si(w.v), &qi)) *alt = std::to_string(qi);
    }
    NumError e = bigint::floor_divide(q.v, v.v, w.v);
    return e.ok() ? q.str() : err_text(e);
  }
  if (op == "mod") {
    if (fits_i64(v) && fits_i64(w) && mpz_sgn(w.v) != 0) {
      *alt = std::to_string(bigint::modulo_i64(mpz_get_si(v.v), mpz_get_si(w.v)));
    }
    NumError e = bigint::modulo(r.v, v.v, w.v);
    return e.ok() ? r.str() : err_text(e);
  }
  if (op == "divmod") {
    NumError e = bigint::divmod(q.v, r.v, v.v, w.v);
    return e.ok() ? q.str() + " " + r.str() : err_text(e);
  }
  if (op == "powmod") {
    Z m(f[3]);
    NumError e = bigint::pow_mod(q.v, v.v, w.v, m.v);
    return e.ok() ? q.str() : err_text(e);
  }
  if (op == "lshift" || op == "rshift") {
    int64_t n = std::stoll(f[2]);
    if (op == "rshift" && fits_i64(v) && n >= 0) *alt = std::to_string(bigint::rshift_i64(mpz_get_si(v.v), n));
    NumError e = op == "lshift" ? bigint::lshift(q.v, v.v, n) : bigint::rshift(q.v, v.v, n);
    return e.ok() ? q.str() : err_text(e);
  }
  return "unknown op " + op;
}

TEST(RuntimeNumInt, CasesFromCPython) {
  std::ifstream in(data_path("int_cases.txt"));
  ASSERT_TRUE(in) << data_path("int_cases.txt");
  std::string line;
  int count = 0, failures = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f = split_tabs(line);
    size_t nexpect = f[0] == "bin" ? 3 : f[0] == "bits" ? 2 : 1;
    std::string expected;
    for (size_t k = f.size() - nexpect; k < f.size(); ++k) expected += (expected.empty() ? "" : "\t") + f[k];
    if (f[0] == "format" || f[0] == "fstr") expected = unescape(expected);
    std::string alt = "-unset-";
    std::string got = run_int_case(f, &alt);
    ++count;
    bool bad = got != expected || (alt != "-unset-" && alt != expected);
    if (bad) {
      ++failures;
      if (failures <= 40) ADD_FAILURE() << line.substr(0, 300) << "\n  got: " << got.substr(0, 300) << "\n  int64 path: " << alt;
    }
  }
  EXPECT_GT(count, 30000);
  EXPECT_EQ(failures, 0) << "of " << count;
}

std::string fmt_int(int64_t v, const char* spec) {
  NumResult<FormatSpec> s = parse_format_spec(spec, "int", 'd', '>');
  if (!s.ok()) return err_text(s.error);
  return show(format_int(v, s.value));
}

TEST(RuntimeNumInt, Format) {
  EXPECT_EQ(fmt_int(1234, "08,"), "0,001,234");
  EXPECT_EQ(fmt_int(1234, "0=10,"), "00,001,234");
  EXPECT_EQ(fmt_int(-255, "#010x"), "-0x00000ff");
  EXPECT_EQ(fmt_int(255, "#_b"), "0b1111_1111");
  EXPECT_EQ(fmt_int(65, "=5c"), "    A");
  EXPECT_EQ(fmt_int(0x10000, "c"), "\xf0\x90\x80\x80");
  EXPECT_EQ(fmt_int(-1, "c"), "!OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(fmt_int(1, ".2"), "!ValueError: Precision not allowed in integer format specifier");
  EXPECT_EQ(fmt_int(1, "z"), "!ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  EXPECT_EQ(fmt_int(1, "+c"), "!ValueError: Sign not allowed with integer format specifier 'c'");
  EXPECT_EQ(fmt_int(1, "#c"), "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
  EXPECT_EQ(fmt_int(1, ",x"), "!ValueError: Cannot specify ',' with 'x'.");
  EXPECT_EQ(fmt_int(1, ",,"), "!ValueError: Cannot specify ',' with ','.");
  EXPECT_EQ(fmt_int(1, ",_"), "!ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(fmt_int(1, "__"), "!ValueError: Cannot specify '_' with '_'.");
  EXPECT_EQ(fmt_int(1, "_n"), "!ValueError: Cannot specify '_' with 'n'.");
  EXPECT_EQ(fmt_int(1, "s"), "!ValueError: Unknown format code 's' for object of type 'int'");
  EXPECT_EQ(fmt_int(10, "e"), "1.000000e+01");
  // The object's own type name, as CPython's format(True, 'q') reports it.
  NumResult<FormatSpec> q = parse_format_spec("q", "bool", 'd', '>');
  EXPECT_EQ(err_text(format_int(int64_t{1}, q.value, "bool").error),
            "!ValueError: Unknown format code 'q' for object of type 'bool'");
  Z one("1");
  EXPECT_EQ(err_text(format_int(one.v, q.value, 4300, "I").error),
            "!ValueError: Unknown format code 'q' for object of type 'I'");
  EXPECT_EQ(fmt_int(INT64_MIN, "x"), "-8000000000000000");
  Z big;
  mpz_ui_pow_ui(big.v, 2, 1024);
  NumResult<FormatSpec> e = parse_format_spec("e", "int", 'd', '>');
  EXPECT_EQ(show(format_int(big.v, e.value, 4300)), "!OverflowError: int too large to convert to float");
}

TEST(RuntimeNumInt, PercentFormat) {
  EXPECT_EQ(percent_format_int(5, parse_percent("%.3d")), "005");
  EXPECT_EQ(percent_format_int(5, parse_percent("%#.3x")), "0x005");
  EXPECT_EQ(percent_format_int(8, parse_percent("%#o")), "0o10");
  EXPECT_EQ(percent_format_int(5, parse_percent("%+ d")), "+5");
  EXPECT_EQ(percent_format_int(-3, parse_percent("%-05d")), "-3   ");
  EXPECT_EQ(percent_format_int(5, parse_percent("%05.3d")), "00005");
  EXPECT_EQ(percent_format_int(-255, parse_percent("%#08x")), "-0x000ff");
}

TEST(RuntimeNumInt, FormatStr) {
  auto f = [](const char* s, const char* spec) {
    NumResult<FormatSpec> p = parse_format_spec(spec, "str", 's', '<');
    if (!p.ok()) return err_text(p.error);
    return show(format_str(s, p.value));
  };
  EXPECT_EQ(f("ab", "05"), "ab000");
  EXPECT_EQ(f("abc", ".2"), "ab");
  EXPECT_EQ(f("h\xc3\xa9llo", "^9.3"), "   h\xc3\xa9l   ");
  EXPECT_EQ(f("a", "+"), "!ValueError: Sign not allowed in string format specifier");
  EXPECT_EQ(f("a", "#"), "!ValueError: Alternate form (#) not allowed in string format specifier");
  EXPECT_EQ(f("a", "=5"), "!ValueError: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(f("a", "x"), "!ValueError: Unknown format code 'x' for object of type 'str'");
  EXPECT_EQ(f("a", "z"), "!ValueError: Negative zero coercion (z) not allowed in string format specifier");
  EXPECT_EQ(f("a", ","), "!ValueError: Cannot specify ',' with 's'.");
}

TEST(RuntimeNumInt, ParseInt) {
  Z out;
  EXPECT_TRUE(bigint::parse_int("0_0", 0, 4300, out.v).ok());
  EXPECT_TRUE(bigint::parse_int("00", 0, 4300, out.v).ok());
  EXPECT_EQ(bigint::parse_int("0_1", 0, 4300, out.v).message, "");
  EXPECT_EQ(bigint::parse_int("0_1", 0, 4300, out.v).kind, NumError::kValueError);
  ASSERT_TRUE(bigint::parse_int(" 0x_1f\n", 16, 4300, out.v).ok());
  EXPECT_EQ(out.str(), "31");
  EXPECT_EQ(bigint::parse_int(std::string(5000, '1'), 10, 4300, out.v).message,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
            "use sys.set_int_max_str_digits() to increase the limit");
  EXPECT_TRUE(bigint::parse_int(std::string(5000, '1'), 16, 4300, out.v).ok());
  EXPECT_TRUE(bigint::parse_int(std::string(5000, '1'), 10, 0, out.v).ok());
  EXPECT_EQ(bigint::parse_int("1", 37, 4300, out.v).message, "int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(bigint::invalid_literal_message(10, "'" + std::string(300, '1') + "'"),
            "invalid literal for int() with base 10: '" + std::string(199, '1'));
}

TEST(RuntimeNumInt, Conversions) {
  Z big("1" + std::string(5000, '0'));
  EXPECT_EQ(err_text(bigint::to_decimal(big.v, 4300).error),
            "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_TRUE(bigint::to_decimal(big.v, 0).ok());
  Z a("9007199254740993");  // 2^53 + 1: a tie, rounds to even
  EXPECT_EQ(bigint::to_double(a.v).value, 9007199254740992.0);
  Z b("9007199254740995");  // 2^53 + 3: a tie, rounds up to even
  EXPECT_EQ(bigint::to_double(b.v).value, 9007199254740996.0);
  Z zero("0"), m1("-1"), huge("1" + std::string(400, '0'));
  EXPECT_EQ(err_text(bigint::true_divide(m1.v, zero.v).error), "!ZeroDivisionError: division by zero");
  EXPECT_TRUE(std::signbit(bigint::true_divide(m1.v, huge.v).value));
  EXPECT_EQ(err_text(bigint::true_divide(huge.v, m1.v).error),
            "!OverflowError: integer division result too large for a float");
  EXPECT_EQ(bigint::true_divide(huge.v, huge.v).value, 1.0);
}

TEST(RuntimeNumInt, ToBytesMinusOneInZeroBytes) {
  Z m1("-1"), m2("-2");
  std::vector<uint8_t> out{1};
  EXPECT_TRUE(bigint::to_bytes(m1.v, 0, false, true, &out).ok());
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(err_text(bigint::to_bytes(m2.v, 0, false, true, &out)), "!OverflowError: int too big to convert");
  EXPECT_EQ(err_text(bigint::to_bytes(m1.v, 4, false, false, &out)),
            "!OverflowError: can't convert negative int to unsigned");
}

// hash(x) == hash(int(x)) for every integral double, the invariant dicts
// rely on when 1 and 1.0 are the same key.
TEST(RuntimeNumInt, HashAgreesWithFloatHash) {
  uint64_t state = 88172645463325252ull;
  for (int i = 0; i < 200000; ++i) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    double x = std::bit_cast<double>(state);
    if (!std::isfinite(x)) continue;
    x = std::trunc(x);
    Z v;
    ASSERT_TRUE(bigint::from_double(v.v, x).ok());
    ASSERT_EQ(bigint::hash_mpz(v.v), hash_double(x)) << bits(x);
    if (std::fabs(x) < 9.2e18) {
      ASSERT_EQ(hash_int64(static_cast<int64_t>(x)), hash_double(x)) << bits(x);
    }
  }
}

TEST(RuntimeNumInt, Int64FastPaths) {
  int64_t q;
  EXPECT_FALSE(bigint::floor_divide_i64(INT64_MIN, -1, &q));
  ASSERT_TRUE(bigint::floor_divide_i64(-7, 2, &q));
  EXPECT_EQ(q, -4);
  EXPECT_EQ(bigint::modulo_i64(-7, 2), 1);
  EXPECT_EQ(bigint::modulo_i64(7, -2), -1);
  EXPECT_EQ(bigint::modulo_i64(INT64_MIN, -1), 0);
  EXPECT_EQ(bigint::rshift_i64(-1, 1000), -1);
  EXPECT_EQ(bigint::rshift_i64(-5, 1), -3);
}

}  // namespace
}  // namespace pyrite::python::runtime
