// Token names and spellings, generated from token.def (docs/frontend.md).
#include "python/parse/token.h"

namespace pyrite::python::parse {

namespace {

constexpr const char* kNames[] = {
#define TOKEN(Name, text) #Name,
#define KEYWORD(Name, text) #Name,
#include "python/parse/token.def"
};

constexpr const char* kTexts[] = {
#define TOKEN(Name, text) text,
#define KEYWORD(Name, text) text,
#include "python/parse/token.def"
};

static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(Tok::kCount));

}  // namespace

const char* token_name(Tok kind) {
  auto i = static_cast<size_t>(kind);
  return i < static_cast<size_t>(Tok::kCount) ? kNames[i] : "?";
}

const char* token_text(Tok kind) {
  auto i = static_cast<size_t>(kind);
  return i < static_cast<size_t>(Tok::kCount) ? kTexts[i] : "";
}

}  // namespace pyrite::python::parse
