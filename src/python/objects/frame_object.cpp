// Frame objects (docs/interp.md, "Frame objects").
#include "python/objects/frame_object.h"

#include "python/interp/frame.h"
#include "python/interp/interp.h"
#include "python/interp/thread_state.h"
#include "python/objects/cell.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

Type* frame_type = nullptr;

namespace {

gc::LayoutId g_frame_layout;

void trace_frame_object(void* p, gc::Visitor& v) {
  auto* f = static_cast<FrameObject*>(p);
  v.visit(f->type);
  v.visit(f->code);
  v.visit(f->globals);
  v.visit(f->builtins);
  visit_value(v, f->locals);
  visit_value(v, f->back);
  visit_value(v, f->trace);
  visit_value(v, f->final);
  // `live` is kept alive by the frame chain (or its generator) while set.
}

FrameObject* fo(Value v) { return v.as<FrameObject>(); }

int32_t lasti_of(FrameObject* f) { return f->live ? f->live->lasti : f->lasti; }

Value get_code(Value s) { return fo(s)->code; }
Value get_globals(Value s) { return fo(s)->globals; }
Value get_builtins(Value s) { return fo(s)->builtins; }
Value get_locals(Value s) {
  FrameObject* f = fo(s);
  if (f->live) {
    if (f->live == thread_state().frame) return current_locals();
    return frame_locals(f->live);
  }
  if (f->final && is_dict(f->locals)) {
    // Refresh the dict locals() made from the final locals, as CPython's
    // f_locals does from the frame's copy: set the bound, drop the unbound.
    Dict* d = f->locals.as<Dict>();
    Dict* fin = f->final.as<Dict>();
    Tuple* names = f->code->localsplus_names;
    for (int64_t i = 0; i < names->length; i++) {
      Value name = names->at(i);
      Value v = dict_get(fin, name);
      if (v) {
        if (!dict_set(d, name, v)) return {};
      } else if (has_error() || dict_del(d, name) < 0) {
        return {};
      }
    }
  }
  return f->locals ? f->locals : Value(dict_new());
}
Value get_lineno(Value s) {
  FrameObject* f = fo(s);
  int32_t lasti = lasti_of(f);
  int line = lasti >= 0 ? f->code->line_at(static_cast<uint32_t>(lasti)) : f->code->firstlineno;
  if (line < 0) return none();
  return int_from_i64(line);
}
Value get_lasti(Value s) {
  int32_t lasti = lasti_of(fo(s));
  return int_from_i64(lasti < 0 ? -1 : lasti * 2);
}
Value get_back(Value s) {
  FrameObject* f = fo(s);
  if (f->live) {
    Frame* prev = f->live->previous;
    return prev ? frame_object_for(prev) : none();
  }
  return f->back ? f->back : none();
}
Value get_trace(Value s) { return fo(s)->trace ? fo(s)->trace : none(); }
bool set_trace(Value s, Value v) {
  fo(s)->trace = v && !is_none(v) ? v : Value();
  return true;
}

const GetSetDef kFrameGetSets[] = {
    {"f_code", get_code},
    {"f_globals", get_globals},
    {"f_builtins", get_builtins},
    {"f_locals", get_locals},
    {"f_lineno", get_lineno},
    {"f_lasti", get_lasti},
    {"f_back", get_back},
    {"f_trace", get_trace, set_trace},
    {nullptr, nullptr},
};

Value frame_clear(Value s, const Value*, size_t, Tuple*) {
  FrameObject* f = fo(s);
  if (f->live) return raise(exc::RuntimeError, "cannot clear an executing frame");
  f->locals = Value();
  return none();
}

const MethodDef kFrameMethods[] = {
    {"clear", frame_clear, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};

Value frame_repr(Value s) {
  FrameObject* f = fo(s);
  Value line = get_lineno(s);
  return str_format("<frame at %p, file '%s', line %lld, code %s>", static_cast<void*>(f),
                    str_to_utf8(f->code->filename).c_str(),
                    static_cast<long long>(line.is_small() ? line.small_value() : 0),
                    str_to_utf8(f->code->name).c_str());
}

}  // namespace

Value frame_locals(Frame* f) {
  if (f->locals) return f->locals;
  Dict* d = dict_new();
  Code* c = f->code;
  for (int i = 0; i < c->nlocalsplus; i++) {
    Value v = f->slots()[i];
    if (!v) continue;
    uint8_t kind = c->slot_kind(i);
    if (kind & (compile::SlotKind::kCell | compile::SlotKind::kFree)) {
      // A cell not made yet (before MAKE_CELL) holds the plain value.
      if (v.is_object() && type_of(v) == types::cell) {
        v = v.as<Cell>()->value;
        if (!v) continue;
      }
    }
    if (!dict_set(d, c->localsplus_names->at(i), v)) return {};
  }
  return d;
}

Value frame_object_for(Frame* f) {
  if (f->frame_object) return f->frame_object;
  auto* o = allocate<FrameObject>(g_frame_layout, frame_type);
  o->live = f;
  o->code = f->code;
  o->globals = f->globals;
  o->builtins = f->builtins;
  o->lasti = -1;
  f->frame_object = o;
  return o;
}

void frame_object_detach(Frame* f) {
  auto* o = reinterpret_cast<FrameObject*>(f->frame_object);
  f->frame_object = nullptr;
  o->lasti = f->lasti;
  // Keep the locals dict made by locals() as it is (names exec() added
  // stay, the caller may hold and change it): the final values go to it
  // only when f_locals is read.
  Value locals = frame_locals(f);
  if (!locals) clear_error();
  if (o->locals && is_dict(o->locals) && locals && !locals.is(o->locals)) {
    o->final = locals;
  } else {
    o->locals = locals;
  }
  o->back = Value();
  o->live = nullptr;
}

void init_frame_object() {
  g_frame_layout = register_object_layout("frame", sizeof(FrameObject), trace_frame_object);
  TypeSpec spec;
  spec.name = "frame";
  spec.layout = g_frame_layout;
  spec.instance_size = sizeof(FrameObject);
  spec.trace = trace_frame_object;
  spec.slots.repr = frame_repr;
  spec.getsets = kFrameGetSets;
  spec.methods = kFrameMethods;
  make_builtin_type(&frame_type, spec);
}

}  // namespace pyrite::python
