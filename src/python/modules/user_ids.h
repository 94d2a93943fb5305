// User and group ids as CPython converts them (_Py_Uid_Converter,
// _Py_Gid_Converter, _PyLong_FromUid): shared by pwd and grp.
#pragma once

#include <sys/types.h>

#include <cstdint>

#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {

// An int (or __index__) from -1 to 2**32 - 1; -1 and 2**32 - 1 are both
// (uid_t)-1. TypeError "<what> should be integer, not T"; OverflowError
// "<what> is greater than maximum" past 2**63, "less than minimum" for
// every other value outside.
template <class Id>
bool convert_user_id(Value v, const char* what, Id* out) {
  if (!is_int(v) && !lookup_special(v, intern("__index__"))) {
    raisef(exc::TypeError, "%s should be integer, not %s", what, type_name(v).c_str());
    return false;
  }
  Value i = index(v);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n) {
    raisef(exc::OverflowError, "%s is %s", what, int_sign(i) > 0 ? "greater than maximum" : "less than minimum");
    return false;
  }
  if (*n < -1) {
    raisef(exc::OverflowError, "%s is less than minimum", what);
    return false;
  }
  if (*n > int64_t(UINT32_MAX)) {
    // CPython's message for a C long that is no id (its truncation check).
    raisef(exc::OverflowError, "%s is less than minimum", what);
    return false;
  }
  *out = static_cast<Id>(*n);
  return true;
}

// An id as Python sees it: (uid_t)-1 is -1.
template <class Id>
Value user_id_value(Id id) {
  return id == static_cast<Id>(-1) ? int_from_i64(-1) : int_from_u64(static_cast<uint64_t>(id));
}

}  // namespace pyrite::python
