// The Value word's immediate floats (value.h, docs/objects.md "Values"):
// which doubles are immediate, that decoding gives back the exact bits, and
// that float_new / float_value / type_of / hash agree for both forms.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "python/objects/float.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"

namespace pyrite::python {
namespace {

// The rule value.h states, written independently of the encoder: zeros, and
// nonzero doubles with a biased exponent in [768, 1279] except ±2^-255.
bool should_be_immediate(uint64_t bits) {
  uint64_t e = (bits >> 52) & 0x7ff, m = bits & ((uint64_t(1) << 52) - 1);
  if (e == 0 && m == 0) return true;
  if (e == 768 && m == 0) return false;
  return e >= 768 && e <= 1279;
}

void check_bits(uint64_t bits) {
  double d = std::bit_cast<double>(bits);
  Value v = Value::immediate_float(d);
  ASSERT_EQ(bool(v), should_be_immediate(bits)) << std::hex << bits;
  if (!v) return;
  ASSERT_TRUE(v.is_immediate_float()) << std::hex << bits;
  ASSERT_FALSE(v.is_small());
  ASSERT_FALSE(v.is_object());
  ASSERT_EQ(std::bit_cast<uint64_t>(v.immediate_float_value()), bits) << std::hex << bits;
}

TEST(ValueTest, ImmediateFloatEdgePatterns) {
  const uint64_t mantissas[] = {0,
                                1,
                                2,
                                3,
                                uint64_t(1) << 51,
                                (uint64_t(1) << 52) - 1,
                                (uint64_t(1) << 52) - 2,
                                0x5555555555555,
                                0xaaaaaaaaaaaaa};
  for (uint64_t sign = 0; sign < 2; sign++)
    for (uint64_t e = 0; e < 2048; e++)
      for (uint64_t m : mantissas) check_bits((sign << 63) | (e << 52) | m);
}

TEST(ValueTest, ImmediateFloatNamedValues) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_TRUE(Value::immediate_float(0.0));
  EXPECT_TRUE(Value::immediate_float(-0.0));
  EXPECT_TRUE(std::signbit(Value::immediate_float(-0.0).immediate_float_value()));
  EXPECT_FALSE(std::signbit(Value::immediate_float(0.0).immediate_float_value()));
  EXPECT_NE(Value::immediate_float(0.0).bits(), Value::immediate_float(-0.0).bits());
  EXPECT_TRUE(Value::immediate_float(1.0));
  EXPECT_TRUE(Value::immediate_float(-2.5));
  EXPECT_TRUE(Value::immediate_float(1e-70));
  EXPECT_TRUE(Value::immediate_float(1e77));
  EXPECT_FALSE(Value::immediate_float(1e-80));
  EXPECT_FALSE(Value::immediate_float(1e80));
  EXPECT_FALSE(Value::immediate_float(inf));
  EXPECT_FALSE(Value::immediate_float(-inf));
  EXPECT_FALSE(Value::immediate_float(std::nan("")));
  EXPECT_FALSE(Value::immediate_float(std::numeric_limits<double>::denorm_min()));
  EXPECT_FALSE(Value::immediate_float(std::ldexp(1.0, -255)));
  EXPECT_TRUE(Value::immediate_float(std::nextafter(std::ldexp(1.0, -255), 1.0)));
  EXPECT_TRUE(Value::immediate_float(std::ldexp(1.0, -254)));
  EXPECT_TRUE(Value::immediate_float(std::nextafter(std::ldexp(1.0, 257), 0.0)));
  EXPECT_FALSE(Value::immediate_float(std::ldexp(1.0, 257)));
}

TEST(ValueTest, ImmediateFloatRandomBits) {
  std::mt19937_64 rng(20261202);
  for (int i = 0; i < 4'000'000; i++) check_bits(rng());
  // Random doubles inside and around the window.
  std::uniform_int_distribution<uint64_t> exp(700, 1350);
  for (int i = 0; i < 4'000'000; i++) {
    uint64_t r = rng();
    check_bits((r & 0x800fffffffffffff) | (exp(rng) << 52));
  }
}

class ValueFloatTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_runtime(); }
};

TEST_F(ValueFloatTest, FloatNewAndValueAgreeForBothForms) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200'000; i++) {
    uint64_t bits = rng();
    if (i % 2) bits = (bits & 0x800fffffffffffff) | ((uint64_t(700) + bits % 650) << 52);
    double d = std::bit_cast<double>(bits);
    Value v = float_new(d);
    ASSERT_EQ(v.is_immediate_float(), should_be_immediate(bits));
    ASSERT_TRUE(is_float(v));
    ASSERT_TRUE(is_exact_float(v));
    ASSERT_FALSE(is_exact_int(v));
    ASSERT_EQ(type_of(v), types::float_);
    ASSERT_EQ(std::bit_cast<uint64_t>(float_value(v)), bits);
    if (!std::isnan(d)) ASSERT_EQ(hash(v), hash(float_box(d)));
  }
}

TEST_F(ValueFloatTest, HashesAreCPythons) {
  EXPECT_EQ(hash(float_new(1.5)), 1152921504606846977);
  EXPECT_EQ(hash(float_new(-0.0)), 0);
  EXPECT_EQ(hash(float_new(2.0)), hash(Value::small(2)));
  EXPECT_EQ(hash(float_new(-1.0)), -2);
}

}  // namespace
}  // namespace pyrite::python
