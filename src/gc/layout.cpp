// The process-wide layout table (docs/gc.md).
#include "gc/layout.h"

#include <vector>

#include "base/check.h"

namespace pyrite::gc {

namespace {

std::vector<LayoutInfo>& table() {
  static std::vector<LayoutInfo>* t = [] {
    auto* v = new std::vector<LayoutInfo>();
    v->reserve(256);
    v->push_back(LayoutInfo{"<no layout>"});  // id 0 stays unused
    return v;
  }();
  return *t;
}

}  // namespace

LayoutId register_layout(const LayoutInfo& info) {
  PYR_CHECK_MSG(info.fixed_size != 0 || info.size != nullptr,
                "a layout needs a fixed size or a size function");
  auto& t = table();
  PYR_CHECK(t.size() < (size_t(1) << 32) - 1);
  t.push_back(info);
  return LayoutId(t.size() - 1);
}

const LayoutInfo* find_layout(LayoutId id) {
  auto& t = table();
  if (id == kNoLayout || id >= t.size()) return nullptr;
  return &t[id];
}

namespace detail {
const LayoutInfo* layout_table() { return table().data(); }
size_t layout_count() { return table().size(); }
}  // namespace detail

}  // namespace pyrite::gc
