// Traceback objects and CPython 3.11's uncaught-exception format
// (docs/objects.md, "Exceptions and builtins").
#include "python/objects/traceback.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

Type* traceback_type = nullptr;
gc::LayoutId kTracebackLayout = gc::kNoLayout;

namespace {

void tb_trace(void* p, gc::Visitor& v) {
  auto* tb = static_cast<Traceback*>(p);
  v.visit(tb->type);
  v.visit(tb->next);
  visit_value(v, tb->frame);
  visit_value(v, tb->code);
  v.visit(tb->filename);
  v.visit(tb->name);
}

Traceback* T(Value v) { return v.as<Traceback>(); }

Value tb_get_next(Value self) { return T(self)->next ? Value(T(self)->next) : none(); }
bool tb_set_next(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete tb_next attribute");
    return false;
  }
  if (is_none(v)) {
    T(self)->next = nullptr;
    return true;
  }
  if (!is_traceback(v)) {
    raisef(exc::TypeError, "expected traceback object or None, got '%s'", type_name(v).c_str());
    return false;
  }
  for (Traceback* c = T(v); c; c = c->next) {
    if (c == T(self)) {
      raise(exc::ValueError, "traceback loop detected");
      return false;
    }
  }
  T(self)->next = T(v);
  return true;
}
Value tb_get_frame(Value self) { return T(self)->frame ? T(self)->frame : none(); }
Value tb_get_lineno(Value self) { return int_from_i64(T(self)->lineno); }
Value tb_get_lasti(Value self) { return int_from_i64(T(self)->lasti); }

const GetSetDef kTbGetSets[] = {
    {"tb_next", tb_get_next, tb_set_next},
    {"tb_frame", tb_get_frame, nullptr},
    {"tb_lineno", tb_get_lineno, nullptr},
    {"tb_lasti", tb_get_lasti, nullptr},
    {nullptr, nullptr},
};

Value tb_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", nullptr};
  Value next, frame, lasti, lineno;
  ArgSpec spec{"traceback", kNames, 4, 0};
  if (!parse_args(spec, args, nargs, kwnames, {&next, &frame, &lasti, &lineno})) return Value();
  if (!is_none(next) && !is_traceback(next)) {
    return raisef(exc::TypeError, "expected traceback object or None, got '%s'",
                  type_name(next).c_str());
  }
  int64_t li, ln;
  if (!int_to_index(lasti, &li) || !int_to_index(lineno, &ln)) return Value();
  Traceback* tb = traceback_new(is_none(next) ? nullptr : T(next), frame, Value(),
                                static_cast<int>(li), static_cast<int>(ln), static_cast<int>(ln),
                                -1, -1, nullptr, nullptr);
  return tb;
}

}  // namespace

void init_traceback() {
  if (traceback_type) return;
  kTracebackLayout = register_object_layout("traceback", sizeof(Traceback), tb_trace);
  TypeSpec spec;
  spec.name = "traceback";
  spec.layout = kTracebackLayout;
  spec.instance_size = sizeof(Traceback);
  spec.trace = tb_trace;
  spec.slots.new_ = tb_new;
  spec.getsets = kTbGetSets;
  spec.doc = "TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\n"
             "Create a new traceback object.";
  make_builtin_type(&traceback_type, spec);
}

Traceback* traceback_new(Traceback* next, Value frame, Value code, int lasti, int line, int end_line,
                         int col, int end_col, Str* filename, Str* funcname) {
  auto* tb = allocate<Traceback>(kTracebackLayout, traceback_type);
  tb->next = next;
  tb->frame = frame;
  tb->code = code;
  tb->filename = filename;
  tb->name = funcname;
  tb->lasti = lasti;
  tb->lineno = line;
  tb->end_lineno = end_line;
  tb->col = col;
  tb->end_col = end_col;
  return tb;
}

void traceback_add(Value exc, Value frame, Value code, int lasti, int line, int end_line, int col,
                   int end_col, Str* filename, Str* funcname) {
  if (!is_exception(exc)) return;
  Value old = exception_traceback(exc);
  Traceback* tb = traceback_new(old ? T(old) : nullptr, frame, code, lasti, line, end_line, col,
                                end_col, filename, funcname);
  exception_set_traceback(exc, tb);
}

}  // namespace pyrite::python
