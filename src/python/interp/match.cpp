// The pattern-matching instructions (docs/interp.md, "match").
#include <vector>
#include "python/interp/runtime_ops.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

// The type's flags decide (CPython's Py_TPFLAGS_MAPPING / _SEQUENCE).
int match_mapping(Value subject) { return type_of(subject)->has_flag(TypeFlag::kMapping); }

int match_sequence(Value subject) { return type_of(subject)->has_flag(TypeFlag::kSequence); }

Value match_keys(Value subject, Value keys) {
  Tuple* k = keys.as<Tuple>();
  if (k->length == 0) return tuple_empty();
  static Str* const kGet = intern("get");
  Value get = get_attr(subject, kGet);
  if (!get) return {};
  // A unique sentinel distinguishes missing keys from stored None.
  Value dummy = call0(types::object);
  if (!dummy) return {};
  Tuple* values = tuple_new(k->length);
  if (!values) return {};
  for (int64_t i = 0; i < k->length; i++) {
    Value key = k->at(i);
    for (int64_t j = 0; j < i; j++) {
      int eq = equal(k->at(j), key);
      if (eq < 0) return {};
      if (eq) return raisef(exc::ValueError, "mapping pattern checks duplicate key (%s)", repr_utf8(key).c_str());
    }
    Value v = call2(get, key, dummy);
    if (!v) return {};
    if (v.is(dummy)) return none();
    values->items()[i] = v;
  }
  return values;
}

Value copy_dict_without_keys(Value subject, Value keys) {
  Dict* d = dict_new();
  if (!dict_update(d, subject)) return {};
  Tuple* k = keys.as<Tuple>();
  for (int64_t i = 0; i < k->length; i++) {
    if (dict_del(d, k->at(i)) < 0) return {};
  }
  return d;
}

Value match_class(Value subject, Value cls, uint32_t npos, Value names) {
  if (!cls.is_object() || !type_of(cls)->has_flag(TypeFlag::kTypeSubclass)) {
    return raise(exc::TypeError, "called match pattern must be a type");
  }
  int ok = isinstance_full(subject, cls);
  if (ok < 0) return {};
  if (!ok) return none();
  Tuple* kw = names.as<Tuple>();
  List* attrs = list_new();
  std::vector<Value> seen;
  auto get = [&](Value name) -> int {
    for (Value s : seen) {
      if (str_equal(s.as<Str>(), name.as<Str>())) {
        raisef(exc::TypeError, "%s() got multiple sub-patterns for attribute '%s'",
               str_to_utf8(cls.as<Type>()->name).c_str(), str_to_utf8(name.as<Str>()).c_str());
        return -1;
      }
    }
    seen.push_back(name);
    Value v = get_attr_or_null(subject, name.as<Str>());
    if (!v) return has_error() ? -1 : 0;
    return list_append(attrs, v) ? 1 : -1;
  };
  if (npos) {
    static Str* const kMatchArgs = intern("__match_args__");
    Value match_args = get_attr_or_null(cls, kMatchArgs);
    if (!match_args && has_error()) return {};
    Type* t = cls.as<Type>();
    bool self_match = !match_args && (t->has_flag(TypeFlag::kIntSubclass) || t->has_flag(TypeFlag::kStrSubclass) ||
                                      t->has_flag(TypeFlag::kFloatSubclass) || t->has_flag(TypeFlag::kTupleSubclass) ||
                                      t->has_flag(TypeFlag::kListSubclass) || t->has_flag(TypeFlag::kDictSubclass) ||
                                      t->has_flag(TypeFlag::kBytesSubclass) || t == types::bool_ ||
                                      t == types::set || t == types::frozenset || t == types::bytearray);
    if (match_args) {
      if (!is_exact_tuple(match_args)) {
        return raisef(exc::TypeError, "%s.__match_args__ must be a tuple (got %s)", str_to_utf8(t->name).c_str(),
                      type_name(match_args).c_str());
      }
      Tuple* ma = match_args.as<Tuple>();
      if (static_cast<int64_t>(npos) > ma->length) {
        return raisef(exc::TypeError, "%s() accepts %lld positional sub-pattern%s (%u given)",
                      str_to_utf8(t->name).c_str(), static_cast<long long>(ma->length), ma->length == 1 ? "" : "s",
                      npos);
      }
      for (uint32_t i = 0; i < npos; i++) {
        Value name = ma->at(i);
        if (!is_str(name)) {
          return raisef(exc::TypeError, "__match_args__ elements must be strings (got %s)", type_name(name).c_str());
        }
        int r = get(name);
        if (r < 0) return {};
        if (r == 0) return none();
      }
    } else if (self_match) {
      if (npos > 1) {
        return raisef(exc::TypeError, "%s() accepts 1 positional sub-pattern (%u given)", str_to_utf8(t->name).c_str(),
                      npos);
      }
      if (!list_append(attrs, subject)) return {};
    } else {
      return raisef(exc::TypeError, "%s() accepts 0 positional sub-patterns (%u given)", str_to_utf8(t->name).c_str(),
                    npos);
    }
  }
  for (int64_t i = 0; i < kw->length; i++) {
    int r = get(kw->at(i));
    if (r < 0) return {};
    if (r == 0) return none();
  }
  Tuple* t = list_as_tuple(attrs);
  return t ? Value(t) : Value();
}

}  // namespace pyrite::python
