// str % args, str.format / format_map and str.__format__ (docs/objects.md,
// "Text").
#include "python/objects/str_methods.h"

#include "python/objects/errors.h"
#include "python/objects/protocol.h"

namespace pyrite::python {

Value str_mod(Value a, Value b) {
  if (!is_str(a)) return not_implemented();
  (void)b;
  return raise(exc::NotImplementedError, "str % args: not yet implemented");
}

}  // namespace pyrite::python
