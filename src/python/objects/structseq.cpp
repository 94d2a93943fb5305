// Struct sequences (structseq.h; docs/modules.md, "posix").
#include "python/objects/structseq.h"

#include <array>
#include <string>
#include <utility>

#include "base/check.h"
#include "gc/heap.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/list.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

constexpr int kMaxFields = 32;
constexpr int kMaxTypes = 16;

struct Registered {
  Type* type;
  const StructSeqDesc* desc;
};
Registered g_registered[kMaxTypes];
int g_registered_count = 0;
gc::LayoutId g_layout = gc::kNoLayout;

const StructSeqDesc* desc_of(const Type* t) {
  for (int i = 0; i < g_registered_count; i++)
    if (g_registered[i].type == t) return g_registered[i].desc;
  return nullptr;
}

int64_t hidden_count(const Tuple* t) {
  Value h = t->items()[t->length];
  return h.is_small() ? h.small_value() : 0;
}

size_t bytes_for(int64_t visible, int64_t hidden) {
  return sizeof(Tuple) + size_t(visible + 1 + hidden) * sizeof(Value);
}

void trace_struct_seq(void* obj, gc::Visitor& v) {
  auto* t = static_cast<Tuple*>(obj);
  v.visit(t->type);
  const Value* items = t->items();
  int64_t n = t->length + 1 + hidden_count(t);
  for (int64_t i = 0; i < n; i++) visit_value(v, items[i]);
}

size_t size_struct_seq(const void* obj) {
  auto* t = static_cast<const Tuple*>(obj);
  return bytes_for(t->length, hidden_count(t));
}

int physical(const StructSeqDesc* d, int k) { return k < d->n_in_sequence ? k : k + 1; }

// The name of field k as CPython's tp_members numbers them: unnamed fields
// have no member, so the i-th visible position is named by the i-th named
// field (stat_result's items 7..9 print as st_atime, st_mtime, st_ctime).
const char* member_name(const StructSeqDesc* d, int i) {
  for (int k = 0; k < d->n_fields; k++) {
    if (!d->fields[k].name) continue;
    if (i-- == 0) return d->fields[k].name;
  }
  return "?";
}

int unnamed_count(const StructSeqDesc* d) {
  int n = 0;
  for (int k = 0; k < d->n_fields; k++) n += d->fields[k].name == nullptr;
  return n;
}

Value struct_seq_new_slot(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"sequence", "dict", nullptr};
  Value seq, dict;
  if (!parse_args({"structseq", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&seq, &dict})) return {};
  const StructSeqDesc* d = desc_of(type);
  if (!d) return raise(exc::TypeError, "structseq: unknown type");
  Tuple* items = sequence_fast(seq, "constructor requires a sequence");
  if (!items) return {};
  std::string name = type_name_of(type);
  if (dict && !is_dict(dict))
    return raisef(exc::TypeError, "%s() takes a dict as second arg, if any", name.c_str());
  int64_t len = items->length;
  int min_len = d->n_in_sequence, max_len = d->n_fields;
  if (len < min_len) {
    if (min_len == max_len)
      return raisef(exc::TypeError, "%s() takes a %d-sequence (%lld-sequence given)", name.c_str(),
                    min_len, (long long)len);
    return raisef(exc::TypeError, "%s() takes an at least %d-sequence (%lld-sequence given)",
                  name.c_str(), min_len, (long long)len);
  }
  if (len > max_len) {
    if (min_len == max_len)
      return raisef(exc::TypeError, "%s() takes a %d-sequence (%lld-sequence given)", name.c_str(),
                    max_len, (long long)len);
    return raisef(exc::TypeError, "%s() takes an at most %d-sequence (%lld-sequence given)",
                  name.c_str(), max_len, (long long)len);
  }
  Tuple* t = struct_seq_new(type);
  if (!t) return {};
  int unnamed = unnamed_count(d);
  for (int k = 0; k < max_len; k++) {
    if (k < len) {
      struct_seq_set(t, k, items->at(k));
    } else if (dict) {
      Value v = dict_get(dict.as<Dict>(), intern(member_name(d, k - unnamed)));
      if (v) struct_seq_set(t, k, v);
      else if (has_error()) return {};
    }
  }
  if (d->after_new) d->after_new(t);
  return t;
}

Value struct_seq_repr(Value self) {
  Tuple* t = self.as<Tuple>();
  const StructSeqDesc* d = desc_of(type_of(self));
  std::string s = type_name_of(type_of(self)) + "(";
  for (int64_t i = 0; i < t->length; i++) {
    Value r = repr(t->items()[i]);
    if (!r) return {};
    if (i) s += ", ";
    s += std::string(member_name(d, int(i))) + "=" + str_to_utf8(r.as<Str>());
  }
  return str_from_utf8(s + ")");
}

// (type, (visible items, {hidden field: value}))
Value struct_seq_reduce(Value self, const Value*, size_t, Tuple*) {
  Tuple* t = self.as<Tuple>();
  const StructSeqDesc* d = desc_of(type_of(self));
  Tuple* visible = tuple_from_array(t->items(), t->length);
  Dict* hidden = visible ? dict_new() : nullptr;
  if (!hidden) return {};
  int unnamed = unnamed_count(d);
  for (int k = d->n_in_sequence; k < d->n_fields; k++) {
    if (!dict_set_str(hidden, intern(member_name(d, k - unnamed)), struct_seq_get(t, k))) return {};
  }
  return tuple_of({type_of(self), tuple_of({visible, hidden})});
}

template <int P>
Value field_at(Value self) {
  return self.as<Tuple>()->items()[P];
}
bool field_readonly(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

template <size_t... P>
constexpr std::array<GetterFn, sizeof...(P)> make_getters(std::index_sequence<P...>) {
  return {field_at<int(P)>...};
}
constexpr auto kGetters = make_getters(std::make_index_sequence<kMaxFields + 1>());

const MethodDef kMethods[] = {
    {"__reduce__", struct_seq_reduce, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

}  // namespace

Tuple* struct_seq_new(Type* type) {
  const StructSeqDesc* d = desc_of(type);
  int64_t vis = d->n_in_sequence, hidden = d->n_fields - d->n_in_sequence;
  auto* t = alloc_var_instance<Tuple>(type, bytes_for(vis, hidden));
  if (!t) return nullptr;
  t->length = vis;
  t->hash = -1;
  t->items()[vis] = Value::small(hidden);
  for (int k = 0; k < d->n_fields; k++) t->items()[physical(d, k)] = none();
  return t;
}

void struct_seq_set(Tuple* t, int k, Value v) { t->items()[k < t->length ? k : k + 1] = v; }
Value struct_seq_get(Tuple* t, int k) { return t->items()[k < t->length ? k : k + 1]; }

Type* make_struct_seq_type(Type** into, const StructSeqDesc* desc) {
  PYR_CHECK(desc->n_fields <= kMaxFields && g_registered_count < kMaxTypes);
  if (g_layout == gc::kNoLayout)
    g_layout = register_object_layout("structseq", 0, trace_struct_seq, size_struct_seq);
  // Process-lifetime tables: the type's descriptors point into them.
  auto* getsets = new GetSetDef[desc->n_fields + 1]();
  int n = 0;
  for (int k = 0; k < desc->n_fields; k++) {
    if (!desc->fields[k].name) continue;
    getsets[n++] = {desc->fields[k].name, kGetters[physical(desc, k)], field_readonly,
                    desc->fields[k].doc};
  }
  getsets[n] = {nullptr, nullptr};
  TypeSpec spec;
  spec.name = desc->name;
  spec.module = desc->module;
  spec.base = types::tuple;
  spec.layout = g_layout;
  spec.instance_size = sizeof(Tuple);
  spec.trace = trace_struct_seq;
  spec.slots.new_ = struct_seq_new_slot;
  spec.slots.repr = struct_seq_repr;
  spec.methods = kMethods;
  spec.getsets = getsets;
  spec.doc = desc->doc;
  // Registered before the type exists so that nothing can see it unknown.
  g_registered[g_registered_count++] = {nullptr, desc};
  Type* t = make_builtin_type(into, spec);
  g_registered[g_registered_count - 1].type = t;
  int unnamed = unnamed_count(desc);
  int named_visible = 0;
  for (int k = 0; k < desc->n_in_sequence; k++) named_visible += desc->fields[k].name != nullptr;
  Tuple* match = tuple_new(named_visible);
  for (int k = 0, m = 0; k < desc->n_in_sequence; k++)
    if (desc->fields[k].name) match->items()[m++] = intern(desc->fields[k].name);
  dict_set_str(t->dict, intern("n_sequence_fields"), Value::small(desc->n_in_sequence));
  dict_set_str(t->dict, intern("n_fields"), Value::small(desc->n_fields));
  dict_set_str(t->dict, intern("n_unnamed_fields"), Value::small(unnamed));
  dict_set_str(t->dict, intern("__match_args__"), match);
  type_modified(t, nullptr);
  return t;
}

}  // namespace pyrite::python
