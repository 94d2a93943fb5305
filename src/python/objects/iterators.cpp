// Builtin iterators: enumerate, zip, map, filter, reversed, the callable
// iterator, and length_hint (docs/objects.md, "Containers").
#include "python/objects/iterators.h"

#include "python/objects/errors.h"
#include "python/objects/init.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

Value iter_self(Value self) { return self; }

int64_t length_hint(Value v, int64_t dflt) {
  Type* t = type_of(v);
  if (t->slots.len) {
    int64_t n = t->slots.len(v);
    if (n >= 0) return n;
    if (!error_matches(exc::TypeError)) return -1;
    clear_error();
  }
  static Str* name = intern("__length_hint__");
  Value m = type_lookup(t, name);
  if (!m) return dflt;
  bool found = false;
  Value r = call_special(v, name, nullptr, 0, &found);
  if (!r) {
    if (!found && !has_error()) return dflt;
    if (error_matches(exc::TypeError) && !found) {
      clear_error();
      return dflt;
    }
    return -1;
  }
  if (r.is(not_implemented())) return dflt;
  if (!is_int(r)) {
    raisef(exc::TypeError, "__length_hint__ must be an integer, not %s", type_name(r).c_str());
    return -1;
  }
  int64_t n;
  if (!int_to_index(r, &n)) return -1;
  if (n < 0) {
    raise(exc::ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

Value class_getitem(Value cls, const Value* args, size_t, Tuple*) {
  // TODO(#3): types.GenericAlias(cls, item) once core's descriptors.cpp exposes it.
  (void)args;
  return cls;
}

void init_iterators() {}

}  // namespace pyrite::python
