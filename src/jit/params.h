// JIT parameters, from params.def (docs/jit.md, "Parameters").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pyrite::jit {

enum class ParamId : uint8_t {
#define PYR_JIT_PARAM(name, def, min, max, help) name,
#include "jit/params.def"
#undef PYR_JIT_PARAM
  kCount
};
inline constexpr int kNumParams = static_cast<int>(ParamId::kCount);

struct ParamInfo {
  const char* name;
  int64_t default_value;
  int64_t min;
  int64_t max;
  const char* help;
};
const ParamInfo& param_info(ParamId id);
std::optional<ParamId> param_from_name(std::string_view name);  // "trace_limit" or "trace-limit"

struct Params {
#define PYR_JIT_PARAM(name, def, min, max, help) int64_t name = def;
#include "jit/params.def"
#undef PYR_JIT_PARAM

  int64_t get(ParamId id) const;
  void set(ParamId id, int64_t value);
};

enum class ParamError : uint8_t { kOk, kUnknownName, kBadValue, kOutOfRange };
const char* param_error_message(ParamError e);

// Sets one parameter from text ("trace_limit", "3000").
ParamError set_param(Params& p, std::string_view name, std::string_view value);
// Applies a comma-separated "name=value,name=value" list; stops at the first
// error and names the offending item in *where.
ParamError set_params(Params& p, std::string_view list, std::string* where = nullptr);
// One line per parameter: name, default, range, help (for -X jit-help).
std::string params_help();

}  // namespace pyrite::jit
