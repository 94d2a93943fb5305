// Calls of Python functions: binding arguments to a new frame with
// CPython's messages, the kInit instantiation path, and calls from C++
// (docs/interp.md, "Calls").
#include <string>
#include <vector>

#include "base/stack.h"
#include "python/interp/eval.h"
#include "python/interp/interp.h"
#include "python/interp/runtime_ops.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/function.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/objects/descriptors.h"
#include "python/objects/slots.h"

namespace pyrite::python {

namespace {

std::string qualname_of(Function* f) { return str_to_utf8(f->qualname); }

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'"
std::string name_list(const std::vector<Str*>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); i++) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + str_to_utf8(names[i]) + "'";
  }
  return out;
}

void raise_missing(Function* func, const std::vector<Str*>& names, const char* kind) {
  raisef(exc::TypeError, "%s() missing %zu required %s argument%s: %s", qualname_of(func).c_str(), names.size(),
         kind, names.size() == 1 ? "" : "s", name_list(names).c_str());
}

void raise_too_many_positional(Function* func, Value* slots, size_t given) {
  Code* co = func->code;
  int ndefaults = func->defaults ? static_cast<int>(func->defaults->length) : 0;
  int kwonly_given = 0;
  for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
    if (slots[i]) kwonly_given++;
  }
  std::string takes;
  if (ndefaults) {
    takes = "from " + std::to_string(co->argcount - ndefaults) + " to " + std::to_string(co->argcount) +
            " positional arguments";
  } else {
    takes = std::to_string(co->argcount) + " positional argument" + (co->argcount == 1 ? "" : "s");
  }
  std::string was = std::to_string(given) + " positional argument" + (given == 1 ? "" : "s");
  if (kwonly_given) {
    was += " (and " + std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given == 1 ? "" : "s") + ")";
    raisef(exc::TypeError, "%s() takes %s but %s were given", qualname_of(func).c_str(), takes.c_str(), was.c_str());
    return;
  }
  raisef(exc::TypeError, "%s() takes %s but %zu %s given", qualname_of(func).c_str(), takes.c_str(), given,
         given == 1 ? "was" : "were");
}

// The index of parameter `name` among [from, to) of the code's names, or -1.
int find_param(Code* co, Str* name, int from, int to) {
  const Value* names = co->localsplus_names->items();
  for (int i = from; i < to; i++) {
    if (names[i].is(name)) return i;
  }
  for (int i = from; i < to; i++) {
    if (str_equal(names[i].as<Str>(), name)) return i;
  }
  return -1;
}

// Fills the frame's parameter slots. `self` (may be null) is an extra first
// positional argument (a bound method's instance, __init__'s new object).
bool bind_args(Function* func, Frame* f, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = func->code;
  Value* slots = f->slots();
  int argcount = co->argcount;
  int total = argcount + co->kwonlyargcount;
  bool varargs = (co->flags & compile::CodeFlag::kVarargs) != 0;
  bool varkw = (co->flags & compile::CodeFlag::kVarkeywords) != 0;
  size_t given = nargs + (self ? 1 : 0);
  auto positional = [&](size_t i) { return self ? (i == 0 ? self : args[i - 1]) : args[i]; };

  size_t take = given < size_t(argcount) ? given : size_t(argcount);
  for (size_t i = 0; i < take; i++) slots[i] = positional(i);
  if (varargs) {
    size_t extra = given > take ? given - take : 0;
    Tuple* t = tuple_new(static_cast<int64_t>(extra));
    if (!t) return false;
    for (size_t i = 0; i < extra; i++) t->items()[i] = positional(take + i);
    slots[total] = t;
  }
  Dict* kwdict = nullptr;
  if (varkw) {
    kwdict = dict_new();
    slots[total + (varargs ? 1 : 0)] = kwdict;
  }
  if (kwnames) {
    std::vector<Str*> posonly_as_kw;
    const Value* kwvalues = args + nargs;
    for (int64_t k = 0; k < kwnames->length; k++) {
      Value key = kwnames->at(k);
      if (!is_str(key)) {
        raisef(exc::TypeError, "%s() keywords must be strings", qualname_of(func).c_str());
        return false;
      }
      Str* name = key.as<Str>();
      int i = find_param(co, name, co->posonlyargcount, total);
      if (i >= 0) {
        if (slots[i]) {
          raisef(exc::TypeError, "%s() got multiple values for argument '%s'", qualname_of(func).c_str(),
                 str_to_utf8(name).c_str());
          return false;
        }
        slots[i] = kwvalues[k];
        continue;
      }
      if (kwdict) {
        if (!dict_set(kwdict, name, kwvalues[k])) return false;
        continue;
      }
      if (find_param(co, name, 0, co->posonlyargcount) >= 0) {
        posonly_as_kw.push_back(name);
        continue;
      }
      raisef(exc::TypeError, "%s() got an unexpected keyword argument '%s'", qualname_of(func).c_str(),
             str_to_utf8(name).c_str());
      return false;
    }
    if (!posonly_as_kw.empty()) {
      std::string names = "'";
      for (size_t i = 0; i < posonly_as_kw.size(); i++) {
        if (i) names += ", ";
        names += str_to_utf8(posonly_as_kw[i]);
      }
      names += "'";
      raisef(exc::TypeError, "%s() got some positional-only arguments passed as keyword arguments: %s",
             qualname_of(func).c_str(), names.c_str());
      return false;
    }
  }
  if (given > size_t(argcount) && !varargs) {
    raise_too_many_positional(func, slots, given);
    return false;
  }
  // Defaults for the missing positional parameters.
  if (given < size_t(argcount)) {
    int ndefaults = func->defaults ? static_cast<int>(func->defaults->length) : 0;
    int first_default = argcount - ndefaults;
    std::vector<Str*> missing;
    for (int i = static_cast<int>(given); i < argcount; i++) {
      if (slots[i]) continue;
      if (i >= first_default) {
        slots[i] = func->defaults->at(i - first_default);
      } else {
        missing.push_back(co->localsplus_names->at(i).as<Str>());
      }
    }
    if (!missing.empty()) {
      raise_missing(func, missing, "positional");
      return false;
    }
  }
  if (co->kwonlyargcount) {
    std::vector<Str*> missing;
    for (int i = argcount; i < total; i++) {
      if (slots[i]) continue;
      Str* name = co->localsplus_names->at(i).as<Str>();
      Value d = func->kwdefaults ? dict_get_str(func->kwdefaults, name) : Value();
      if (d) {
        slots[i] = d;
      } else {
        if (has_error()) return false;
        missing.push_back(name);
      }
    }
    if (!missing.empty()) {
      raise_missing(func, missing, "keyword-only");
      return false;
    }
  }
  return true;
}

Frame* push_bound_frame(ThreadState& ts, Function* func, Value self, const Value* args, size_t nargs,
                        Tuple* kwnames) {
  if (base::stack_exhausted()) {
    raise(exc::RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  Frame* f = push_frame(ts, func->code);
  if (!f) return nullptr;
  f->func = func;
  f->globals = func->globals;
  f->builtins = func->builtins;
  // The common call: exactly the positional parameters, nothing else.
  Code* co = func->code;
  if (!kwnames && nargs + (self ? 1 : 0) == size_t(co->argcount) && co->kwonlyargcount == 0 &&
      (co->flags & (compile::CodeFlag::kVarargs | compile::CodeFlag::kVarkeywords)) == 0) {
    Value* out = f->slots();
    if (self) *out++ = self;
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    return f;
  }
  if (!bind_args(func, f, self, args, nargs, kwnames)) {
    pop_frame(ts, f);
    return nullptr;
  }
  return f;
}

}  // namespace

Frame* push_method_frame(ThreadState& ts, Function* func, Value self, const Value* args, size_t nargs,
                         Tuple* kwnames) {
  return push_bound_frame(ts, func, self, args, nargs, kwnames);
}

Function* python_dunder(Type* t, size_t slot_offset, Str* name) {
  if (!slot_is_python(t, slot_offset)) return nullptr;
  Value m = type_lookup(t, name);
  return m && is_function(m) ? m.as<Function>() : nullptr;
}

Function* python_property_getter(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->slots.getattr != generic_getattr) return nullptr;
  Value d = type_lookup(t, name);
  if (!d || !d.is_object() || d.object()->type != types::property) return nullptr;
  Value get = d.as<Property>()->fget;
  return get && is_function(get) ? get.as<Function>() : nullptr;
}

Value binary_not_implemented(uint32_t arg, Value a, Value b) {
  // Only taken for operands of one type, whose reflected method CPython
  // does not try: the operation is unsupported.
  bool inplace = arg >= compile::kInplaceOffset;
  BinaryOp op = static_cast<BinaryOp>(inplace ? arg - compile::kInplaceOffset : arg);
  return raise_binary_type_error(op, a, b, inplace);
}

Value compare_reflected(Value a, Value b, CompareOp op) {
  static const CompareOp kSwapped[] = {CompareOp::kGt, CompareOp::kGe, CompareOp::kEq,
                                       CompareOp::kNe, CompareOp::kLt, CompareOp::kLe};
  CompareFn f = type_of(b)->slots.compare;
  if (f) {
    Value r = f(b, a, kSwapped[static_cast<int>(op)]);
    if (!r || !r.is(not_implemented())) return r;
  }
  if (op == CompareOp::kEq) return py_bool(a.is(b));
  if (op == CompareOp::kNe) return py_bool(!a.is(b));
  static const char* const kSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return raisef(exc::TypeError, "'%s' not supported between instances of '%s' and '%s'",
                kSymbols[static_cast<int>(op)], type_name(a).c_str(), type_name(b).c_str());
}

bool check_iterator(Value it) {
  if (type_of(it)->slots.next) return true;
  raisef(exc::TypeError, "iter() returned non-iterator of type '%s'", type_name(it).c_str());
  return false;
}

Frame* push_function_frame(ThreadState& ts, Function* func, const Value* args, size_t nargs, Tuple* kwnames) {
  return push_bound_frame(ts, func, Value(), args, nargs, kwnames);
}

Value call_function(Function* func, const Value* args, size_t nargs, Tuple* kwnames) {
  ThreadState& ts = thread_state();
  Frame* f = push_bound_frame(ts, func, Value(), args, nargs, kwnames);
  if (!f) return {};
  f->cont = Continuation::kEntry;
  Frame* saved = f->previous;
  Value r = run(ts, f);
  ts.frame = saved;
  return r;
}

bool is_python_class_call(Value callable) {
  if (!callable.is_object() || callable.object()->type != types::type) return false;
  auto* cls = callable.as<Type>();
  if (!cls->is_heap_type() || cls->slots.new_ != types::object->slots.new_) return false;
  static Str* const kInit = intern("__init__");
  Value init = type_lookup(cls, kInit);
  return init && is_function(init);
}

Frame* push_init_frame(ThreadState& ts, Type* cls, const Value* args, size_t nargs, Tuple* kwnames,
                       Value* instance) {
  // The call of the class holds a level of the recursion depth, as in
  // CPython; the __init__ frame keeps it (pop_frame releases both levels of
  // a kInit frame).
  if (!enter_recursive_call(" while calling a Python object")) return nullptr;
  Value obj = cls->slots.new_(cls, args, nargs, kwnames);
  *instance = obj;
  Frame* f = nullptr;
  if (obj) {
    static Str* const kInit = intern("__init__");
    Value init = type_lookup(cls, kInit);
    f = push_bound_frame(ts, init.as<Function>(), obj, args, nargs, kwnames);
  }
  if (!f) leave_recursive_call();
  return f;
}

}  // namespace pyrite::python
