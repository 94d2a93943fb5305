// libFuzzer target: no input may crash or hang the tokenizer and parser
// (docs/frontend.md). A crash found here becomes a case in tests/frontend/cases.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/arena.h"
#include "python/parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pyrite::python;
  std::string_view source(reinterpret_cast<const char*>(data), size);
  pyrite::base::Arena arena;
  parse::SyntaxError error;
  parse::ParseOptions options;
  ast::ModNode* mod = parse::parse(source, "<fuzz>", options, arena, &error);
  if (mod) (void)ast::dump(mod, true);
  return 0;
}
