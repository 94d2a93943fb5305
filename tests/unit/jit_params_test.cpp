// JIT parameters and abort reasons (docs/jit.md, "Parameters", "Abort reasons"):
// the tables' accessors and the -X jit-NAME=VALUE text form.
#include <gtest/gtest.h>

#include "jit/params.h"
#include "jit/trace/abort.h"

namespace pyrite::jit {
namespace {

TEST(JitIrParams, DefaultsComeFromTheTable) {
  Params p;
  for (int i = 0; i < kNumParams; i++) {
    ParamId id = static_cast<ParamId>(i);
    EXPECT_EQ(p.get(id), param_info(id).default_value) << param_info(id).name;
    EXPECT_LE(param_info(id).min, param_info(id).default_value);
    EXPECT_GE(param_info(id).max, param_info(id).default_value);
  }
}

TEST(JitIrParams, SetFromText) {
  Params p;
  EXPECT_EQ(set_param(p, "threshold", "1"), ParamError::kOk);
  EXPECT_EQ(p.threshold, 1);
  EXPECT_EQ(set_param(p, "trace-limit", " 3000 "), ParamError::kOk);  // the command line's spelling
  EXPECT_EQ(p.trace_limit, 3000);
  EXPECT_EQ(set_param(p, "thresold", "1"), ParamError::kUnknownName);
  EXPECT_EQ(set_param(p, "threshold", "12x"), ParamError::kBadValue);
  EXPECT_EQ(set_param(p, "threshold", ""), ParamError::kBadValue);
  EXPECT_EQ(set_param(p, "threshold", "0"), ParamError::kOutOfRange);
  EXPECT_EQ(set_param(p, "decay", "1001"), ParamError::kOutOfRange);
  EXPECT_EQ(p.threshold, 1);  // failed sets change nothing
}

TEST(JitIrParams, SetListNamesTheBadItem) {
  Params p;
  std::string where;
  EXPECT_EQ(set_params(p, "threshold=7,inlining=0", &where), ParamError::kOk);
  EXPECT_EQ(p.threshold, 7);
  EXPECT_EQ(p.inlining, 0);
  EXPECT_EQ(set_params(p, "decay=5, bogus=3", &where), ParamError::kUnknownName);
  EXPECT_EQ(where, "bogus=3");
  EXPECT_EQ(p.decay, 5);
  EXPECT_EQ(set_params(p, "threshold", &where), ParamError::kBadValue);
  EXPECT_STREQ(param_error_message(ParamError::kOutOfRange), "JIT parameter value out of range");
}

TEST(JitIrParams, HelpListsEveryParameter) {
  std::string help = params_help();
  for (int i = 0; i < kNumParams; i++)
    EXPECT_NE(help.find(param_info(static_cast<ParamId>(i)).name), std::string::npos);
  EXPECT_NE(help.find("trace_limit"), std::string::npos);
}

TEST(JitIrAbort, NamesAndMessages) {
  EXPECT_STREQ(trace::abort_reason_name(trace::AbortReason::kTraceTooLong), "TraceTooLong");
  EXPECT_STREQ(trace::abort_reason_message(trace::AbortReason::kInnerLoop),
               "reached an inner loop that is not compiled yet; it goes first");
  for (int i = 0; i < trace::kNumAbortReasons; i++) {
    auto r = static_cast<trace::AbortReason>(i);
    EXPECT_EQ(trace::abort_reason_from_name(trace::abort_reason_name(r)), r);
  }
  EXPECT_EQ(trace::abort_reason_from_name("Nope"), std::nullopt);
}

}  // namespace
}  // namespace pyrite::jit
