// JIT parameters: table access and text parsing (docs/jit.md, "Parameters").
#include "jit/params.h"

#include <charconv>

namespace pyrite::jit {

namespace {

constexpr ParamInfo kInfo[] = {
#define PYR_JIT_PARAM(name, def, min, max, help) {#name, def, min, max, help},
#include "jit/params.def"
#undef PYR_JIT_PARAM
};
static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == kNumParams);

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

const ParamInfo& param_info(ParamId id) { return kInfo[static_cast<int>(id)]; }

std::optional<ParamId> param_from_name(std::string_view name) {
  for (int i = 0; i < kNumParams; i++) {
    std::string_view n = kInfo[i].name;
    if (n.size() != name.size()) continue;
    bool same = true;
    for (size_t k = 0; k < n.size() && same; k++)
      same = n[k] == name[k] || (n[k] == '_' && name[k] == '-');
    if (same) return static_cast<ParamId>(i);
  }
  return std::nullopt;
}

int64_t Params::get(ParamId id) const {
  switch (id) {
#define PYR_JIT_PARAM(name, def, min, max, help) \
  case ParamId::name: return name;
#include "jit/params.def"
#undef PYR_JIT_PARAM
    case ParamId::kCount: break;
  }
  return 0;
}

void Params::set(ParamId id, int64_t value) {
  switch (id) {
#define PYR_JIT_PARAM(name, def, min, max, help) \
  case ParamId::name: name = value; return;
#include "jit/params.def"
#undef PYR_JIT_PARAM
    case ParamId::kCount: break;
  }
}

const char* param_error_message(ParamError e) {
  switch (e) {
    case ParamError::kOk: return "ok";
    case ParamError::kUnknownName: return "unknown JIT parameter";
    case ParamError::kBadValue: return "JIT parameter value is not an integer";
    case ParamError::kOutOfRange: return "JIT parameter value out of range";
  }
  return "?";
}

ParamError set_param(Params& p, std::string_view name, std::string_view value) {
  std::optional<ParamId> id = param_from_name(trim(name));
  if (!id) return ParamError::kUnknownName;
  value = trim(value);
  int64_t v;
  auto r = std::from_chars(value.data(), value.data() + value.size(), v);
  if (value.empty() || r.ec != std::errc() || r.ptr != value.data() + value.size()) return ParamError::kBadValue;
  const ParamInfo& info = param_info(*id);
  if (v < info.min || v > info.max) return ParamError::kOutOfRange;
  p.set(*id, v);
  return ParamError::kOk;
}

ParamError set_params(Params& p, std::string_view list, std::string* where) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (trim(item).empty()) continue;
    size_t eq = item.find('=');
    ParamError e = eq == std::string_view::npos ? ParamError::kBadValue
                                                : set_param(p, item.substr(0, eq), item.substr(eq + 1));
    if (e != ParamError::kOk) {
      if (where) *where = std::string(trim(item));
      return e;
    }
  }
  return ParamError::kOk;
}

std::string params_help() {
  std::string out;
  for (const ParamInfo& i : kInfo) {
    std::string line = std::string("  ") + i.name;
    if (line.size() < 24) line.resize(24, ' ');
    line += " " + std::to_string(i.default_value) + "  [" + std::to_string(i.min) + ".." +
            std::to_string(i.max) + "]  " + i.help + "\n";
    out += line;
  }
  return out;
}

}  // namespace pyrite::jit
