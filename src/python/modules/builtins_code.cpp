// The builtins about code and namespaces: compile exec eval globals locals
// vars dir __build_class__ __import__ open breakpoint (docs/objects.md,
// "Exceptions and builtins"). Running code is the interpreter's
// (interp.h); these check the arguments with CPython 3.11's messages.
#include "python/objects/errors.h"  // first: protocol.h's for_each needs has_error_pending
#include "python/interp/eval.h"
#include "python/interp/interp.h"
#include "python/interp/pyrun.h"
#include "python/interp/thread_state.h"
#include "python/modules/ast_module.h"
#include "python/modules/builtins.h"
#include "python/objects/bytes.h"
#include "python/objects/cell.h"
#include "python/objects/code.h"
#include "python/objects/dict.h"
#include "python/objects/function.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

bool is_code_object(Value v) { return v.is_object() && type_of(v) == types::code; }
bool is_mapping(Value v) { return v.is_small() || type_of(v)->slots.getitem != nullptr; }

// The text of a str source or of any buffer (bytes, bytearray, memoryview,
// array: CPython's _Py_SourceAsString), or false with the TypeError "fname()
// arg 1 must be a <what> object".
bool source_text(Value src, const char* fname, const char* what, std::string* out) {
  BufferView view;
  if (is_str(src)) {
    *out = str_to_utf8(src.as<Str>());
  } else if (get_buffer(src, &view)) {
    *out = std::string(reinterpret_cast<const char*>(view.data), static_cast<size_t>(view.length));
  } else {
    if (!has_error()) raisef(exc::TypeError, "%s() arg 1 must be a %s object", fname, what);
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

// globals/locals defaults and checks shared by exec and eval.
bool resolve_namespaces(Value* globals, Value* locals) {
  if (!*globals || is_none(*globals)) {
    Dict* g = current_globals();
    *globals = g ? Value(g) : Value(dict_new());
    if (!*locals || is_none(*locals)) {
      Value l = current_locals();
      if (!l && has_error()) return false;
      *locals = l ? l : *globals;
    }
  } else if (!*locals || is_none(*locals)) {
    *locals = *globals;
  }
  static Str* builtins_name = intern("__builtins__");
  Dict* g = globals->as<Dict>();
  Value b = dict_get_str(g, builtins_name);
  if (!b) {
    if (has_error()) return false;
    // CPython's exec/eval: the current builtins dict (PyEval_GetBuiltins).
    if (!dict_set_str(g, builtins_name, current_builtins())) return false;
  }
  return true;
}

// exec() of a code object with free variables: its frame reads them from a
// function holding the closure (COPY_FREE_VARS), with the given namespaces.
Value exec_with_closure(Code* code, Dict* globals, Value locals, Tuple* closure) {
  Function* fn = function_new(code, globals, code->qualname);
  fn->closure = closure;
  ThreadState& ts = thread_state();
  Dict* builtins = builtins_for_globals(globals);  // before the frame is current
  Frame* f = push_frame(ts, code);
  if (!f) return Value();
  f->func = fn;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals ? locals : Value(globals);
  f->cont = Continuation::kEntry;
  Frame* saved = f->previous;
  Value r = run(ts, f);
  ts.frame = saved;
  return r;
}

Value b_exec(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"", "", "", "closure", nullptr};
  Value src, globals, locals, closure;
  if (!parse_args({"exec", kNames, 1, 3, 3}, args, nargs, kw, {&src, &globals, &locals, &closure}))
    return Value();
  if (globals && !is_none(globals) && !is_dict(globals)) {
    return raisef(exc::TypeError, "exec() globals must be a dict, not %s", type_name(globals).c_str());
  }
  if (locals && !is_none(locals) && !is_mapping(locals)) {
    return raisef(exc::TypeError, "locals must be a mapping or None, not %s", type_name(locals).c_str());
  }
  if (!resolve_namespaces(&globals, &locals)) return Value();
  if (closure && is_none(closure)) closure = Value();
  Value code = src;
  if (is_code_object(src)) {
    Code* c = src.as<Code>();
    if (c->nfreevars == 0) {
      if (closure) return raise(exc::TypeError, "cannot use a closure with this code object");
    } else {
      bool ok = closure && type_of(closure) == types::tuple &&
                closure.as<Tuple>()->length == c->nfreevars;
      for (int64_t i = 0; ok && i < c->nfreevars; i++)
        ok = type_of(closure.as<Tuple>()->at(i)) == types::cell;
      if (!ok)
        return raisef(exc::TypeError, "code object requires a closure of exactly length %d",
                      int(c->nfreevars));
      if (!exec_with_closure(c, globals.as<Dict>(), locals, closure.as<Tuple>())) return Value();
      return none();
    }
  } else {
    if (closure) {
      return raise(exc::TypeError, "closure can only be used when source is a code object");
    }
    std::string text;
    if (!source_text(src, "exec", "string, bytes or code", &text)) return Value();
    code = compile_source(text, "<string>", "exec", 0, false, -1, is_str(src));
    if (!code) return Value();
  }
  if (!eval_code(code.as<Code>(), globals.as<Dict>(), locals)) return Value();
  return none();
}

Value b_eval(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("eval", kw) || !check_nargs("eval", nargs, 1, 3)) return Value();
  Value src = args[0];
  Value globals = nargs > 1 ? args[1] : Value();
  Value locals = nargs > 2 ? args[2] : Value();
  if (locals && !is_none(locals) && !is_mapping(locals)) {
    return raise(exc::TypeError, "locals must be a mapping");
  }
  if (globals && !is_none(globals) && !is_dict(globals)) {
    return raise(exc::TypeError, is_mapping(globals)
                                     ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                     : "globals must be a dict");
  }
  if (!resolve_namespaces(&globals, &locals)) return Value();
  Value code = src;
  if (!is_code_object(src)) {
    std::string text;
    if (!source_text(src, "eval", "string, bytes or code", &text)) return Value();
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) i++;
    code = compile_source(std::string_view(text).substr(i), "<string>", "eval", 0, false, -1, is_str(src));
    if (!code) return Value();
  }
  if (code.as<Code>()->nfreevars > 0)
    return raise(exc::TypeError, "code object passed to eval() may not contain free variables");
  return eval_code(code.as<Code>(), globals.as<Dict>(), locals);
}

Value b_compile(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"source",   "filename", "mode", "flags", "dont_inherit",
                                       "optimize", "_feature_version", nullptr};
  Value src, filename, mode, flags, dont_inherit, optimize, feature;
  if (!parse_args({"compile", kNames, 3, 0, 6}, args, nargs, kw,
                  {&src, &filename, &mode, &flags, &dont_inherit, &optimize, &feature}))
    return Value();
  std::string fname;
  if (is_str(filename)) {
    fname = str_to_utf8(filename.as<Str>());
  } else if (is_bytes(filename)) {
    fname = std::string(filename.as<Bytes>()->view());
  } else {
    static Str* fspath = intern("__fspath__");
    bool found = false;
    Value p = call_special(filename, fspath, nullptr, 0, &found);
    if (!found || !p || !is_str(p)) {
      if (found && !p) return Value();
      return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s",
                    type_name(filename).c_str());
    }
    fname = str_to_utf8(p.as<Str>());
  }
  if (!is_str(mode)) {
    return raisef(exc::TypeError, "compile() argument 'mode' must be str, not %s",
                  type_name(mode).c_str());
  }
  std::string m = str_to_utf8(mode.as<Str>());
  int64_t flag_bits = 0, opt = -1;
  if (flags && !int_to_index(flags, &flag_bits)) return Value();
  if (optimize && !int_to_index(optimize, &opt)) return Value();
  // The future features, CO_NESTED, and PyCF_ONLY_AST ... PyCF_ALLOW_INCOMPLETE_INPUT.
  constexpr int64_t kKnownFlags = 0x10 | 0x200 | kPyCFOnlyAst | kPyCFTypeComments | kPyCFAllowTopLevelAwait |
                                  0x4000 | 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 |
                                  0x800000 | 0x1000000;
  if (flag_bits & ~kKnownFlags) return raise(exc::ValueError, "compile(): unrecognised flags");
  bool dont = false;
  if (dont_inherit) {
    int t = truth(dont_inherit);
    if (t < 0) return Value();
    dont = t != 0;
  }
  bool only_ast = (flag_bits & kPyCFOnlyAst) != 0;
  if (m == "func_type") {
    if (!only_ast) return raise(exc::ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  } else if (m != "exec" && m != "eval" && m != "single") {
    return raise(exc::ValueError, only_ast ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                           : "compile() mode must be 'exec', 'eval' or 'single'");
  }
  if (opt < -1 || opt > 2) return raise(exc::ValueError, "compile(): invalid optimize value");
  int is_ast = is_ast_object(src);
  if (is_ast < 0) return Value();
  if (is_ast) return only_ast ? src : compile_ast_object(src, fname, m, static_cast<int>(opt));
  if (is_code_object(src)) return src;
  std::string text;
  if (!source_text(src, "compile", "string, bytes or AST", &text)) return Value();
  if (only_ast) {
    int64_t fv = -1;
    if (feature && !int_to_index(feature, &fv)) return Value();
    return parse_to_ast_object(text, is_str(src), fname, m, static_cast<int>(flag_bits), static_cast<int>(fv));
  }
  return compile_source(text, fname, m, static_cast<int>(flag_bits), dont, static_cast<int>(opt), is_str(src));
}

Value b_globals(Value, const Value*, size_t, Tuple*) {
  Dict* g = current_globals();
  return g ? Value(g) : none();
}

Value b_locals(Value, const Value*, size_t, Tuple*) {
  Value l = current_locals();
  if (!l) return has_error() ? Value() : none();
  return l;
}

Value b_vars(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("vars", kw) || !check_nargs("vars", nargs, 0, 1)) return Value();
  if (nargs == 0) return b_locals(Value(), nullptr, 0, nullptr);
  static Str* dict_name = intern("__dict__");
  Value d = get_attr_or_null(args[0], dict_name);
  if (d) return d;
  if (has_error()) return Value();
  return raise(exc::TypeError, "vars() argument must have __dict__ attribute");
}

Value b_dir(Value, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("dir", kw) || !check_nargs("dir", nargs, 0, 1)) return Value();
  List* result;
  if (nargs == 0) {
    Value l = current_locals();
    if (!l) {
      if (has_error()) return Value();
      l = dict_new();
    }
    static Str* keys = intern("keys");
    Value k = is_exact_dict(l) ? l : call_method(l, keys, nullptr, 0);  // PyMapping_Keys
    if (!k) return Value();
    result = list_from_iterable(k);
  } else {
    static Str* dir_name = intern("__dir__");
    bool found = false;
    Value r = call_special(args[0], dir_name, nullptr, 0, &found);
    if (!found) {
      if (has_error()) return Value();
      return raise(exc::TypeError, "object does not provide __dir__");
    }
    if (!r) return Value();
    result = list_from_iterable(r);
  }
  if (!result) return Value();
  if (!list_sort(result, Value(), false)) return Value();
  return result;
}

Value b_build_class(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return build_class(self, args, nargs, kw);
}

Value b_import(Value, const Value* args, size_t nargs, Tuple* kw) {
  static const char* const kNames[] = {"name", "globals", "locals", "fromlist", "level", nullptr};
  Value name, globals, locals, fromlist, level;
  if (!parse_args({"__import__", kNames, 1, 0}, args, nargs, kw,
                  {&name, &globals, &locals, &fromlist, &level}))
    return Value();
  if (!is_str(name)) {
    return raisef(exc::TypeError, "__import__() argument 1 must be str, not %s",
                  type_name(name).c_str());
  }
  int64_t lv = 0;
  if (level && !int_to_index(level, &lv)) return Value();
  if (lv < 0) return raise(exc::ValueError, "level must be >= 0");
  if (lv == 0 && name.as<Str>()->length == 0) return raise(exc::ValueError, "Empty module name");
  return import_module_level(name.as<Str>(), globals ? globals : none(),
                             fromlist ? fromlist : Value(tuple_empty()), static_cast<int>(lv));
}

// open() is io.open (the io module is the stdlib's, over _io).
Value b_open(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value io = import_module_level(intern("io"), none(), tuple_of({Value(intern("open"))}), 0);
  if (!io) return Value();
  static Str* open_name = intern("open");
  Value f = get_attr(io, open_name);
  if (!f) return Value();
  return call(f, args, nargs, kw);
}

Value b_breakpoint(Value, const Value* args, size_t nargs, Tuple* kw) {
  Value hook = builtin_module("sys") ? get_sys_attr("breakpointhook") : Value();
  if (!hook) {
    clear_error();
    return raise(exc::RuntimeError, "lost sys.breakpointhook");
  }
  return call(hook, args, nargs, kw);
}

}  // namespace

const MethodDef kBuiltinCodeFunctions[] = {
    {"__build_class__", b_build_class, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", b_import, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Import a module."},
    {"breakpoint", b_breakpoint, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Call sys.breakpointhook(*args, **kws)."},
    {"compile", b_compile, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Compile source into a code object that can be executed by exec() or eval()."},
    {"dir", b_dir, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, "Show attributes of an object."},
    {"eval", b_eval, MethodFlag::kVarArgs, "Evaluate the given source in the context of globals and locals."},
    {"exec", b_exec, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Execute the given source in the context of globals and locals."},
    {"globals", b_globals, MethodFlag::kNoArgs,
     "Return the dictionary containing the current scope's global variables."},
    {"locals", b_locals, MethodFlag::kNoArgs,
     "Return a dictionary containing the current scope's local variables."},
    {"open", b_open, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Open file and return a stream."},
    {"vars", b_vars, MethodFlag::kVarArgs | MethodFlag::kTupleArgs, "Show vars."},
    {nullptr, nullptr, 0},
};

}  // namespace pyrite::python
