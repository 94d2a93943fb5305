// Robustness of the text tools (docs/jit.md, "Text form", "Verifier"):
// random edits of valid traces never crash the parser, verifier or printer,
// and whatever still parses prints to a fixpoint.
#include <gtest/gtest.h>

#include <string>

#include "jit/ir/ir_parser.h"
#include "jit/ir/ir_printer.h"
#include "jit/ir/ir_random.h"
#include "jit/ir/ir_verify.h"

namespace pyrite::jit::ir {
namespace {

const char* kSeeds[] = {
    "descr point = size(size=24, class=0x50)\n"
    "descr x = field(offset=8, type=i, size=8, signed)\n"
    "descr next = field(offset=16, type=r, size=8)\n"
    "descr items = array(offset=16, type=r, size=8, length=8)\n"
    "descr c = call(fn=0x1000, args=(i, f), result=i, effects=(reads, raises))\n"
    "[i0, p1, f2]\n"
    "label(i0, p1, f2)\n"
    "guard_nonnull(p1) [0@1/3: 0=i0 1=p1]\n"
    "guard_class(p1, 80, descr=x) [0@1/3: 0=i0 1=p1]\n"
    "i3 = getfield_gc_i(p1, descr=x)\n"
    "p4 = getarrayitem_gc_r(p1, i3, descr=items)\n"
    "i5 = call_i(i3, f2, descr=c)\n"
    "guard_no_exception() [0@2/3: 0=i5 2=v0 | v0=new_with_vtable(point) x=i5 next=v0]\n"
    "i6 = int_mul_ovf(i5, i0)\n"
    "guard_no_overflow() [0@3/3: 0=i6 | 1@0/1: 0=p4]\n"
    "f7 = float_add(f2, 1.5)\n"
    "jump(i6, p4, f7)\n",
};

class Rng {
 public:
  explicit Rng(uint64_t s) : s_(s) {}
  uint32_t below(uint32_t n) {
    s_ = s_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((s_ >> 33) % n);
  }

 private:
  uint64_t s_;
};

std::string mutate(std::string s, Rng& rng) {
  static const char kAlphabet[] = "ifpv0123456789()[],=@/:|-.#_ xdescrnewguardlabeljumpNULL";
  int edits = 1 + rng.below(4);
  for (int k = 0; k < edits && !s.empty(); k++) {
    size_t at = rng.below(static_cast<uint32_t>(s.size()));
    switch (rng.below(4)) {
      case 0: s.erase(at, 1 + rng.below(6)); break;
      case 1: s.insert(at, 1, kAlphabet[rng.below(sizeof kAlphabet - 1)]); break;
      case 2: s[at] = kAlphabet[rng.below(sizeof kAlphabet - 1)]; break;
      case 3: {  // duplicate or drop a whole line
        size_t line = s.rfind('\n', at);
        line = line == std::string::npos ? 0 : line + 1;
        size_t end = s.find('\n', at);
        std::string l = s.substr(line, end == std::string::npos ? std::string::npos : end - line + 1);
        if (rng.below(2)) s.insert(line, l);
        else s.erase(line, l.size());
        break;
      }
    }
  }
  return s;
}

TEST(JitIrMutation, EditedTracesNeverCrash) {
  std::vector<std::string> seeds(std::begin(kSeeds), std::end(kSeeds));
  for (uint64_t seed = 1; seed <= 20; seed++) seeds.push_back(print_trace(random_trace(seed)));
  Rng rng(42);
  int parsed = 0, verified = 0;
  for (int round = 0; round < 6000; round++) {
    std::string text = mutate(seeds[rng.below(static_cast<uint32_t>(seeds.size()))], rng);
    ParseResult r = parse_trace(text);
    if (!r.ok()) {
      EXPECT_NE(r.error.code, ParseErrorCode::kOk);
      continue;
    }
    parsed++;
    VerifyError e = verify(*r.trace);
    verified += e.ok();
    (void)e.to_string();
    std::string printed = print_trace(*r.trace);
    ParseResult again = parse_trace(printed);
    if (e.ok()) {
      ASSERT_TRUE(again.ok()) << again.error.to_string() << "\n" << printed;
      ASSERT_EQ(print_trace(*again.trace), printed) << text;
    }
  }
  EXPECT_GT(parsed, 200);
  EXPECT_GT(verified, 50) << "parsed " << parsed;
}

}  // namespace
}  // namespace pyrite::jit::ir
