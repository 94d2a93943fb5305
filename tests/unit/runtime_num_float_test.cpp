// Float algorithms of src/python/runtime against CPython 3.11 (docs/runtime.md,
// "Numbers"): hand-picked cases, the generated table data/float_cases.txt
// (data/gen_float_cases.py), and a 1,000,000-value repr round-trip property.
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "python/runtime/float_arith.h"
#include "python/runtime/float_compose.h"
#include "python/runtime/float_format.h"
#include "python/runtime/float_hex.h"
#include "python/runtime/float_parse.h"
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

double from_bits(const std::string& hex) {
  uint64_t u = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), u, 16);
  return std::bit_cast<double>(u);
}

std::string bits(double x) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(std::bit_cast<uint64_t>(x)));
  return buf;
}

// Doubles compare by bit pattern, except that any NaN matches any NaN.
std::string norm_bits(double x) { return std::isnan(x) ? "nan" : bits(x); }
std::string norm_expected(const std::string& e) {
  if (e.size() == 16 && e[0] != '!' && std::isnan(from_bits(e))) return "nan";
  return e;
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

template <class T, class F>
std::string show(const NumResult<T>& r, F f) {
  return r.ok() ? f(r.value) : err_text(r.error);
}

// '%-+#010.3e' into a PercentSpec.
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

std::string run_float_case(const std::vector<std::string>& f) {
  const std::string& op = f[0];
  if (op == "repr") return repr_double(from_bits(f[1]));
  if (op == "hex") return float_hex(from_bits(f[1]));
  if (op == "hash") return std::to_string(hash_double(from_bits(f[1])));
  if (op == "parse") {
    std::optional<double> v = parse_float(unescape(f[1]));
    return v ? norm_bits(*v) : "!ValueError: could not convert string to float: " + f[1];
  }
  if (op == "fromhex") return show(float_fromhex(unescape(f[1])), norm_bits);
  if (op == "round") return show(round_double(from_bits(f[1]), std::stoll(f[2])), norm_bits);
  if (op == "round0") {
    double x = from_bits(f[1]);
    return norm_bits(std::isfinite(x) ? round_half_even(x) + 0.0 : x);
  }
  if (op == "format") {
    NumResult<FormatSpec> spec = parse_format_spec(f[2], "float", 0, '>');
    if (!spec.ok()) return err_text(spec.error);
    return show(format_float(from_bits(f[1]), spec.value), [](const std::string& s) { return s; });
  }
  if (op == "percent") return percent_format_float(from_bits(f[1]), parse_percent(f[2])).value;
  double a = from_bits(f[1]), b = from_bits(f[2]);
  if (op == "div") return show(float_div(a, b), norm_bits);
  if (op == "mod") return show(float_mod(a, b), norm_bits);
  if (op == "floordiv") return show(float_floordiv(a, b), norm_bits);
  if (op == "divmod") {
    return show(float_divmod(a, b), [](FloatDivmod d) { return norm_bits(d.quotient) + " " + norm_bits(d.remainder); });
  }
  if (op == "pow") {
    return show(float_pow(a, b), [](FloatPow p) { return p.needs_complex ? "!complex" : norm_bits(p.value); });
  }
  return "unknown op " + op;
}

TEST(RuntimeNumFloat, CasesFromCPython) {
  std::ifstream in(data_path("float_cases.txt"));
  ASSERT_TRUE(in) << data_path("float_cases.txt");
  std::string line;
  int count = 0, failures = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f = split_tabs(line);
    std::string expected = f.back();
    if (f[0] == "parse" && expected.rfind("!", 0) == 0) {
      expected = "!ValueError: could not convert string to float: " + f[1];
    }
    if (f[0] == "divmod" && expected.size() == 33) {
      expected = norm_expected(expected.substr(0, 16)) + " " + norm_expected(expected.substr(17));
    }
    expected = norm_expected(expected);
    std::string got = run_float_case(f);
    ++count;
    if (got != expected) {
      ++failures;
      if (failures <= 40) ADD_FAILURE() << line << "\n  got: " << got;
    }
  }
  EXPECT_GT(count, 40000);
  EXPECT_EQ(failures, 0) << "of " << count;
}

TEST(RuntimeNumFloat, Repr) {
  EXPECT_EQ(repr_double(1e16), "1e+16");
  EXPECT_EQ(repr_double(1e-5), "1e-05");
  EXPECT_EQ(repr_double(0.0001), "0.0001");
  EXPECT_EQ(repr_double(123.0), "123.0");
  EXPECT_EQ(repr_double(-0.0), "-0.0");
  EXPECT_EQ(repr_double(0.1), "0.1");
  EXPECT_EQ(repr_double(1e15), "1000000000000000.0");
  EXPECT_EQ(repr_double(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(repr_double(5e-324), "5e-324");
  EXPECT_EQ(repr_double(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(repr_double(HUGE_VAL), "inf");
  EXPECT_EQ(repr_double(-HUGE_VAL), "-inf");
  EXPECT_EQ(repr_double(-std::nan("")), "nan");
}

std::string fmt(double x, const char* spec) {
  NumResult<FormatSpec> s = parse_format_spec(spec, "float", 0, '>');
  if (!s.ok()) return err_text(s.error);
  NumResult<std::string> r = format_float(x, s.value);
  return r.ok() ? r.value : err_text(r.error);
}

TEST(RuntimeNumFloat, Format) {
  EXPECT_EQ(fmt(1.5, ".0"), "2e+00");
  EXPECT_EQ(fmt(123.0, ".3"), "1.23e+02");
  EXPECT_EQ(fmt(1e16, "#"), "1.e+16");
  EXPECT_EQ(fmt(1.0, "#"), "1.0");
  EXPECT_EQ(fmt(1.0, "#.3"), "1.00");
  EXPECT_EQ(fmt(-0.0001, "z.2f"), "0.00");
  EXPECT_EQ(fmt(HUGE_VAL, "010"), "0000000inf");
  EXPECT_EQ(fmt(HUGE_VAL, "010,"), "0000000inf");
  EXPECT_EQ(fmt(1234.5, "012,.1f"), "00,001,234.5");
  EXPECT_EQ(fmt(1234.5, "011,.1f"), "0,001,234.5");
  EXPECT_EQ(fmt(1.0, "x<010,.2f"), "1.00xxxxxx");
  EXPECT_EQ(fmt(1.0, "\xe2\x82\xac^7"), "\xe2\x82\xac\xe2\x82\xac" "1.0" "\xe2\x82\xac\xe2\x82\xac");
  EXPECT_EQ(fmt(1.0, "d"), "!ValueError: Unknown format code 'd' for object of type 'float'");
  NumResult<FormatSpec> q = parse_format_spec("q", "F", 0, '>');
  EXPECT_EQ(err_text(format_float(1.0, q.value, "F").error),
            "!ValueError: Unknown format code 'q' for object of type 'F'");
  EXPECT_EQ(fmt(1.0, "\xe2\x82\xac"), "!ValueError: Unknown format code '\\x20ac' for object of type 'float'");
  EXPECT_EQ(fmt(1.0, "abc"), "!ValueError: Invalid format specifier 'abc' for object of type 'float'");
  EXPECT_EQ(fmt(1.0, ",n"), "!ValueError: Cannot specify ',' with 'n'.");
  EXPECT_EQ(fmt(1.0, "."), "!ValueError: Format specifier missing precision");
  EXPECT_EQ(fmt(1.0, "99999999999999999999"), "!ValueError: Too many decimal digits in format string");
  EXPECT_EQ(fmt(0.5, ".0f"), "0");
  EXPECT_EQ(fmt(1.5, ".0f"), "2");
  EXPECT_EQ(fmt(2.5, ".0f"), "2");
  EXPECT_EQ(fmt(1.0, ".0%"), "100%");
  EXPECT_EQ(fmt(1.0, "#.0%"), "100.%");
  EXPECT_EQ(fmt(1.0, ".2147483648f"), "!ValueError: precision too big");
  EXPECT_EQ(fmt(1.0, ".2147483648q"), "!ValueError: Unknown format code 'q' for object of type 'float'");
}

std::string pct(double x, const PercentSpec& spec) {
  NumResult<std::string> r = percent_format_float(x, spec);
  return r.ok() ? r.value : err_text(r.error);
}

TEST(RuntimeNumFloat, PercentFormat) {
  EXPECT_EQ(pct(1.0, parse_percent("%.2147483648f")), "!ValueError: precision too big");
  EXPECT_EQ(pct(3.0, parse_percent("%#.0f")), "3.");
  EXPECT_EQ(pct(3.0, parse_percent("%#.0e")), "3.e+00");
  EXPECT_EQ(pct(3.0, parse_percent("%#g")), "3.00000");
  EXPECT_EQ(pct(HUGE_VAL, parse_percent("%010f")), "0000000inf");
  EXPECT_EQ(pct(HUGE_VAL, parse_percent("%-010f")), "inf       ");
  EXPECT_EQ(pct(-5, parse_percent("% 08.2e")), "-5.00e+00");
}

TEST(RuntimeNumFloat, Round) {
  EXPECT_EQ(round_double(2.675, 2).value, 2.67);
  EXPECT_EQ(round_double(0.125, 2).value, 0.12);
  EXPECT_EQ(round_double(0.375, 2).value, 0.38);
  EXPECT_EQ(round_double(12345.0, -2).value, 12300.0);
  EXPECT_EQ(round_double(5e-324, 400).value, 5e-324);
  EXPECT_TRUE(std::signbit(round_double(-123.0, -400).value));
  NumResult<double> big = round_double(1.7976931348623157e308, -308);
  EXPECT_EQ(err_text(big.error), "!OverflowError: rounded value too large to represent");
  EXPECT_EQ(round_half_even(0.5), 0.0);
  EXPECT_EQ(round_half_even(1.5), 2.0);
  EXPECT_EQ(round_half_even(2.5), 2.0);
}

TEST(RuntimeNumFloat, HexAndErrors) {
  EXPECT_EQ(float_hex(3.0), "0x1.8000000000000p+1");
  EXPECT_EQ(float_hex(5e-324), "0x0.0000000000001p-1022");
  EXPECT_EQ(float_hex(-0.0), "-0x0.0p+0");
  EXPECT_EQ(err_text(float_fromhex("zz").error), "!ValueError: invalid hexadecimal floating-point string");
  EXPECT_EQ(err_text(float_fromhex("0x1p99999").error),
            "!OverflowError: hexadecimal value too large to represent as a float");
}

TEST(RuntimeNumFloat, Arithmetic) {
  EXPECT_EQ(err_text(float_mod(1, 0).error), "!ZeroDivisionError: float modulo");
  EXPECT_EQ(err_text(float_floordiv(1, 0).error), "!ZeroDivisionError: float floor division by zero");
  EXPECT_EQ(err_text(float_divmod(1, 0).error), "!ZeroDivisionError: float divmod()");
  EXPECT_EQ(err_text(float_div(1, 0).error), "!ZeroDivisionError: float division by zero");
  EXPECT_EQ(err_text(float_pow(0, -1).error), "!ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(err_text(float_pow(10, 400).error), "!OverflowError: (34, 'Numerical result out of range')");
  EXPECT_TRUE(float_pow(-8, 1.0 / 3).value.needs_complex);
  EXPECT_EQ(float_pow(-2, 3).value.value, -8.0);
  EXPECT_TRUE(std::signbit(float_mod(-0.0, 5).value) == false);
  EXPECT_TRUE(std::signbit(float_mod(1, -1).value));
}

TEST(RuntimeNumFloat, Hash) {
  EXPECT_EQ(hash_double(1.0), 1);
  EXPECT_EQ(hash_double(-1.0), -2);
  EXPECT_EQ(hash_double(0.5), 1152921504606846976);
  EXPECT_EQ(hash_double(HUGE_VAL), 314159);
  EXPECT_EQ(hash_double(-HUGE_VAL), -314159);
  EXPECT_EQ(hash_int64(-1), -2);
  EXPECT_EQ(hash_int64(INT64_MIN), hash_double(-9223372036854775808.0));
  EXPECT_EQ(hash_int64((int64_t{1} << 61) - 1), 0);
}

// The shortest-digits property of repr over random doubles: the text parses
// back to the same bits, and no decimal with one digit fewer does.
void check_shortest(double x, int* failures) {
  std::string r = repr_double(x);
  std::optional<double> back = parse_float(r);
  if (!back || std::bit_cast<uint64_t>(*back) != std::bit_cast<uint64_t>(x)) {
    if (++*failures < 10) ADD_FAILURE() << "round trip " << bits(x) << " " << r;
    return;
  }
  // Significant digits of r.
  std::string digits;
  int exp10 = 0;
  size_t epos = r.find('e');
  std::string mant = r.substr(r[0] == '-', epos == std::string::npos ? std::string::npos : epos - (r[0] == '-'));
  if (epos != std::string::npos) exp10 = std::stoi(r.substr(epos + 1));
  size_t point = mant.find('.');
  int int_len = static_cast<int>(point == std::string::npos ? mant.size() : point);
  for (char c : mant) if (c != '.') digits.push_back(c);
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return;  // zero
  int decpt = int_len - static_cast<int>(lead) + exp10;  // value = 0.D * 10^decpt
  digits = digits.substr(lead);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  size_t n = digits.size();
  if (n <= 1) return;
  // Candidates with n-1 digits: truncation and its neighbours.
  uint64_t d = 0;
  for (size_t k = 0; k + 1 < n; ++k) d = d * 10 + static_cast<uint64_t>(digits[k] - '0');
  for (uint64_t c : {d - 1, d, d + 1}) {
    std::string t = std::to_string(c) + "e" + std::to_string(decpt - static_cast<int>(n - 1));
    double v;
    std::from_chars(t.data(), t.data() + t.size(), v);
    if (std::bit_cast<uint64_t>(v) == std::bit_cast<uint64_t>(std::fabs(x))) {
      if (++*failures < 10) ADD_FAILURE() << "not shortest " << r << " vs " << t;
      return;
    }
  }
}

TEST(RuntimeNumFloat, ReprShortestRoundTripMillion) {
  std::mt19937_64 rng(12345);
  int failures = 0;
  for (int i = 0; i < 500000; ++i) {
    double x = std::bit_cast<double>(rng());
    if (!std::isfinite(x)) continue;
    check_shortest(x, &failures);
  }
  // "Nice" decimals: few digits, moderate exponents, the values people type.
  std::uniform_int_distribution<int> ndig(1, 17), exp(-30, 30), wide_exp(-324, 308);
  for (int i = 0; i < 500000; ++i) {
    int n = ndig(rng);
    uint64_t mant = rng() % static_cast<uint64_t>(std::pow(10.0, n));
    std::string t = std::to_string(mant) + "e" + std::to_string(i % 10 == 0 ? wide_exp(rng) : exp(rng));
    std::optional<double> x = parse_float(t);
    ASSERT_TRUE(x.has_value()) << t;
    check_shortest(*x, &failures);
    if (mant != 0 && std::isnormal(*x) && n <= 15 && mant % 10 != 0) {
      // A value typed with at most 15 digits comes back with exactly them.
      std::string r = repr_double(*x);
      std::string rd;
      for (char c : r.substr(0, r.find('e'))) if (c >= '0' && c <= '9') rd.push_back(c);
      rd.erase(0, rd.find_first_not_of('0'));
      while (!rd.empty() && rd.back() == '0') rd.pop_back();
      if (rd != std::to_string(mant) && ++failures < 10) ADD_FAILURE() << t << " -> " << r;
    }
  }
  EXPECT_EQ(failures, 0);
}

double compose(uint64_t m, bool sticky, int64_t e) {
  double out = -1;
  return compose_double(m, sticky, e, &out) ? out : HUGE_VAL;
}

TEST(RuntimeNumFloat, ComposeDouble) {
  EXPECT_EQ(compose(1, false, 0), 1.0);
  EXPECT_EQ(compose(0, false, 5), 0.0);
  EXPECT_EQ(compose(1, false, -1074), 5e-324);
  EXPECT_EQ(compose(1, false, -1075), 0.0);     // exactly half the smallest subnormal: to even
  EXPECT_EQ(compose(1, true, -1075), 5e-324);   // a hair above half
  EXPECT_EQ(compose(3, false, -1075), 1e-323);  // 1.5 ulps: to even (2)
  EXPECT_EQ(compose(3, false, -1076), 5e-324);  // 0.75 ulp
  // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even wins; sticky breaks it.
  EXPECT_EQ(compose((uint64_t{1} << 53) + 1, false, 0), 9007199254740992.0);
  EXPECT_EQ(compose((uint64_t{1} << 53) + 1, true, 0), 9007199254740994.0);
  EXPECT_EQ(compose(UINT64_MAX, false, 0), 18446744073709551616.0);
  // The largest double, and the first value that rounds past it.
  EXPECT_EQ(compose((uint64_t{1} << 53) - 1, false, 971), 1.7976931348623157e308);
  EXPECT_EQ(compose(((uint64_t{1} << 53) - 1) << 11 | 0x3FF, false, 960), 1.7976931348623157e308);
  EXPECT_EQ(compose(((uint64_t{1} << 53) - 1) << 11 | 0x400, false, 960), HUGE_VAL);
  EXPECT_EQ(compose(1, false, 1024), HUGE_VAL);
  EXPECT_EQ(compose(1, false, 1023), std::ldexp(1.0, 1023));
}

TEST(RuntimeNumFloat, ParseFloat) {
  EXPECT_EQ(parse_float("1_0.5"), 10.5);
  EXPECT_FALSE(parse_float("1_.5"));
  EXPECT_FALSE(parse_float("0x10"));
  EXPECT_EQ(parse_float("  -iNF "), -HUGE_VAL);
  EXPECT_EQ(parse_float("1e400"), HUGE_VAL);
  EXPECT_TRUE(std::signbit(*parse_float("-1e-400")));
  EXPECT_EQ(parse_float("1e1_0"), 1e10);
  EXPECT_FALSE(parse_float("1e_10"));
}

}  // namespace
}  // namespace pyrite::python::runtime
