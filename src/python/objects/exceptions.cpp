// The builtin exception types: BaseException's layout, constructors, str and
// repr rules of every subclass, and exception groups (docs/objects.md,
// "Exceptions and builtins").
//
// Every exception instance is a BaseExceptionObject (errors.h). The
// per-class attributes CPython keeps in C members (OSError.errno,
// SyntaxError.lineno, ...) live in its `fields` array and are exposed as
// getset descriptors, so they stay out of __dict__ exactly as in CPython;
// the index of each field is the enum below. User attributes go through the
// instance's map like any class's.
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>

#include "python/objects/errors.h"  // first: protocol.h's for_each needs has_error_pending
#include "python/objects/dict.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/map.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace exc {
#define PYR_EXCEPTION(cname, parent, doc) Type* cname = nullptr;
#include "python/objects/exceptions.def"
}  // namespace exc

namespace {

bool g_ready = false;
gc::LayoutId g_exception_layout = gc::kNoLayout;

// Field indices, per family (BaseExceptionObject::fields).
enum : int {
  kStopValue = 0,
  kExitCode = 0,
  kImportMsg = 0, kImportName = 1, kImportPath = 2,
  kOsErrno = 0, kOsStrerror = 1, kOsFilename = 2, kOsFilename2 = 3, kOsWritten = 4,
  kSynMsg = 0, kSynFilename, kSynLineno, kSynOffset, kSynText, kSynEndLineno, kSynEndOffset,
  kSynPrintFileAndLine,
  kUniEncoding = 0, kUniObject, kUniStart, kUniEnd, kUniReason,
  kNameName = 0,
  kAttrName = 0, kAttrObj = 1,
  kEgMessage = 0, kEgExceptions = 1,
};

BaseExceptionObject* X(Value v) { return v.as<BaseExceptionObject>(); }
Value or_none(Value v) { return v ? v : none(); }

Str* name_str(const char* s) { return intern(s); }

void exc_trace(void* p, gc::Visitor& v) {
  auto* e = static_cast<BaseExceptionObject*>(p);
  v.visit(e->type);
  v.visit(e->args);
  v.visit(e->traceback);
  v.visit(e->context);
  v.visit(e->cause);
  v.visit(e->notes);
  for (Value f : e->fields) visit_value(v, f);
  v.visit(e->attrs_map);
  v.visit(e->attrs_storage);
}

std::string tname(Value self) { return type_name_of(type_of(self)); }

bool no_kwargs(Value self_or_type, bool is_type, Tuple* kwnames) {
  if (kwnames == nullptr || kwnames->length == 0) return true;
  Type* t = is_type ? self_or_type.as<Type>() : type_of(self_or_type);
  raisef(exc::TypeError, "%s() takes no keyword arguments", type_name_of(t).c_str());
  return false;
}

// ---- BaseException -------------------------------------------------------------------

BaseExceptionObject* alloc_exception(Type* type) {
  uint32_t size = type->instance_size ? type->instance_size : sizeof(BaseExceptionObject);
  gc::LayoutId layout = type->instance_layout ? type->instance_layout : g_exception_layout;
  // Zeroed InstanceAttrs read as the type's root map (map.h).
  return allocate<BaseExceptionObject>(layout, type, size);
}

bool set_args(Value self, const Value* args, size_t nargs) {
  Tuple* t = nargs == 0 ? tuple_empty() : tuple_from_array(args, static_cast<int64_t>(nargs));
  if (!t) return false;
  X(self)->args = t;
  return true;
}

Value base_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  BaseExceptionObject* e = alloc_exception(type);
  if (!set_args(e, args, nargs)) return Value();
  return e;
}

bool base_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(self, false, kwnames)) return false;
  return set_args(self, args, nargs);
}

Value base_str(Value self) {
  Tuple* a = X(self)->args;
  if (a == nullptr || a->length == 0) return str_empty();
  if (a->length == 1) return str_of(a->at(0));
  return str_of(a);
}

Value base_repr(Value self) {
  Tuple* a = X(self)->args;
  std::string name = tname(self);
  if (a == nullptr || a->length == 0) return str_from_utf8(name + "()");
  Value r = repr(a->length == 1 ? a->at(0) : Value(a));
  if (!r) return Value();
  std::string s = name;
  if (a->length == 1) {
    s += "(";
    s += str_to_utf8(r.as<Str>());
    s += ")";
  } else {
    s += str_to_utf8(r.as<Str>());
  }
  return str_from_utf8(s);
}

Value get_args(Value self) {
  Tuple* a = X(self)->args;
  return a ? Value(a) : Value(tuple_empty());
}
bool set_args_attr(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "args may not be deleted");
    return false;
  }
  Value t = is_exact_tuple(v) ? v : call1(types::tuple, v);
  if (!t) return false;
  X(self)->args = t.as<Tuple>();
  return true;
}

// The three exception links: None or a value passing `accept`, never deleted.
bool set_link(Object** field, Value v, const char* attr, bool (*accept)(Value), const char* wrong) {
  if (!v) {
    raisef(exc::TypeError, "%s may not be deleted", attr);
    return false;
  }
  if (is_none(v)) {
    *field = nullptr;
  } else if (accept(v)) {
    *field = v.object();
  } else {
    raise(exc::TypeError, wrong);
    return false;
  }
  return true;
}

Value get_traceback(Value self) { return or_none(X(self)->traceback); }
bool set_traceback_attr(Value self, Value v) {
  return set_link(&X(self)->traceback, v, "__traceback__", [](Value x) { return is_traceback(x); },
                  "__traceback__ must be a traceback or None");
}

Value get_context(Value self) { return or_none(X(self)->context); }
bool set_context_attr(Value self, Value v) {
  return set_link(&X(self)->context, v, "__context__", [](Value x) { return is_exception(x); },
                  "exception context must be None or derive from BaseException");
}

Value get_cause(Value self) { return or_none(X(self)->cause); }
bool set_cause_attr(Value self, Value v) {
  if (!set_link(&X(self)->cause, v, "__cause__", [](Value x) { return is_exception(x); },
                "exception cause must be None or derive from BaseException"))
    return false;
  X(self)->suppress_context = true;
  return true;
}

Value get_suppress(Value self) { return py_bool(X(self)->suppress_context); }
bool set_suppress(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete numeric/char attribute");
    return false;
  }
  if (!v.is_object() || type_of(v) != types::bool_) {
    raise(exc::TypeError, "attribute value type must be bool");
    return false;
  }
  X(self)->suppress_context = v.is(singletons::true_);
  return true;
}

Value m_with_traceback(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!set_traceback_attr(self, args[0])) return Value();
  return self;
}

Value m_add_note(Value self, const Value* args, size_t nargs, Tuple*) {
  Value note = args[0];
  if (!is_str(note)) {
    return raisef(exc::TypeError, "note must be a str, not '%s'", type_name(note).c_str());
  }
  static Str* notes_name = name_str("__notes__");
  Value notes = get_attr_or_null(self, notes_name);
  if (!notes) {
    if (has_error()) return Value();
    notes = call0(types::list);
    if (!notes) return Value();
    if (!set_attr(self, notes_name, notes)) return Value();
  } else if (!(notes.is_object() && type_of(notes)->has_flag(TypeFlag::kListSubclass))) {
    return raise(exc::TypeError, "Cannot add note: __notes__ is not a list");
  }
  static Str* append = name_str("append");
  if (!call_method(notes, append, &note, 1)) return Value();
  return none();
}

Value m_reduce(Value self, const Value* args, size_t nargs, Tuple*) {
  Value dict;
  if (instance_attrs(self) != nullptr) {
    dict = instance_dict(self);
    if (!dict) return Value();
    if (is_dict(dict) && dict_size(dict.as<Dict>()) == 0) dict = Value();
  }
  Value a = get_args(self);
  if (dict) return tuple_of({Value(type_of(self)), a, dict});
  return tuple_of({Value(type_of(self)), a});
}

Value m_setstate(Value self, const Value* args, size_t nargs, Tuple*) {
  Value state = args[0];
  if (is_none(state)) return none();
  if (!is_dict(state)) return raise(exc::TypeError, "state is not a dictionary");
  Dict* d = state.as<Dict>();
  int64_t i = 0;
  Value k, v;
  while (dict_next(d, &i, &k, &v)) {
    if (!is_str(k)) continue;
    if (!set_attr(self, k.as<Str>(), v)) return Value();
  }
  return none();
}

const MethodDef kBaseMethods[] = {
    {"with_traceback", m_with_traceback, MethodFlag::kOneArg,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", m_add_note, MethodFlag::kOneArg,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", m_reduce, MethodFlag::kNoArgs},
    {"__setstate__", m_setstate, MethodFlag::kOneArg},
    {nullptr, nullptr, 0},
};

Value get_dict(Value self) { return instance_dict(self); }
bool set_dict(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "cannot delete __dict__");
    return false;
  }
  if (!is_dict(v)) {
    raisef(exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v).c_str());
    return false;
  }
  return instance_set_dict(self, v);
}

const GetSetDef kBaseGetSets[] = {
    {"__dict__", get_dict, set_dict},
    {"args", get_args, set_args_attr},
    {"__traceback__", get_traceback, set_traceback_attr},
    {"__context__", get_context, set_context_attr, "exception context"},
    {"__cause__", get_cause, set_cause_attr, "exception cause"},
    {"__suppress_context__", get_suppress, set_suppress},
    {nullptr, nullptr},
};

// Plain field getsets: the attribute reads None when unset; writes store,
// deletes unset (CPython's T_OBJECT members).
template <int I>
Value field_get(Value self) {
  return or_none(X(self)->fields[I]);
}
template <int I>
bool field_set(Value self, Value v) {
  X(self)->fields[I] = v;
  return true;
}
#define PYR_FIELD(name, index, doc) {name, field_get<index>, field_set<index>, doc}

// ---- StopIteration, SystemExit ----------------------------------------------------

bool stop_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!base_init(self, args, nargs, kwnames)) return false;
  X(self)->fields[kStopValue] = nargs > 0 ? args[0] : none();
  return true;
}
const GetSetDef kStopGetSets[] = {
    PYR_FIELD("value", kStopValue, "generator return value"),
    {nullptr, nullptr},
};

bool exit_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!base_init(self, args, nargs, kwnames)) return false;
  if (nargs == 0) {
    X(self)->fields[kExitCode] = none();
  } else if (nargs == 1) {
    X(self)->fields[kExitCode] = args[0];
  } else {
    X(self)->fields[kExitCode] = X(self)->args;
  }
  return true;
}
const GetSetDef kExitGetSets[] = {
    PYR_FIELD("code", kExitCode, "exception code"),
    {nullptr, nullptr},
};

// ---- keyword-accepting inits (ImportError, NameError, AttributeError) --------------

// Binds kwnames to the named fields; anything else is "'x' is an invalid
// keyword argument for T()".
bool bind_kwargs(Value self, const Value* args, size_t nargs, Tuple* kwnames,
                 std::initializer_list<std::pair<const char*, int>> allowed) {
  if (kwnames == nullptr) return true;
  for (int64_t i = 0; i < kwnames->length; i++) {
    Str* k = kwnames->at(i).as<Str>();
    bool found = false;
    for (auto& [name, index] : allowed) {
      if (k->ascii && k->ascii_view() == name) {
        X(self)->fields[index] = args[nargs + static_cast<size_t>(i)];
        found = true;
        break;
      }
    }
    if (!found) {
      raisef(exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_to_utf8(k).c_str(),
             tname(self).c_str());
      return false;
    }
  }
  return true;
}

bool import_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!set_args(self, args, nargs)) return false;
  // name and path not given are reset (a second __init__ clears them).
  X(self)->fields[kImportName] = Value();
  X(self)->fields[kImportPath] = Value();
  if (!bind_kwargs(self, args, nargs, kwnames, {{"name", kImportName}, {"path", kImportPath}}))
    return false;
  X(self)->fields[kImportMsg] = nargs == 1 ? args[0] : Value();
  return true;
}
Value import_str(Value self) {
  Value msg = X(self)->fields[kImportMsg];
  if (msg && is_exact_str(msg)) return msg;
  return base_str(self);
}
// (type, args) or (type, args, state): the state is the instance dict with
// name and path added when set (CPython's ImportError.__reduce__).
Value import_reduce(Value self, const Value*, size_t, Tuple*) {
  Value dict;
  if (instance_attrs(self) != nullptr) {
    dict = instance_dict(self);
    if (!dict) return Value();
    if (is_dict(dict) && dict_size(dict.as<Dict>()) == 0) dict = Value();
  }
  Value name = X(self)->fields[kImportName], path = X(self)->fields[kImportPath];
  if (name || path) {
    Dict* d = dict && is_dict(dict) ? dict_copy(dict.as<Dict>()) : dict_new();
    if (!d) return Value();
    if (name && !dict_set_str(d, intern("name"), name)) return Value();
    if (path && !dict_set_str(d, intern("path"), path)) return Value();
    dict = d;
  }
  Value a = get_args(self);
  if (dict) return tuple_of({Value(type_of(self)), a, dict});
  return tuple_of({Value(type_of(self)), a});
}
const MethodDef kImportMethods[] = {
    {"__reduce__", import_reduce, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kImportGetSets[] = {
    PYR_FIELD("msg", kImportMsg, "exception message"),
    PYR_FIELD("name", kImportName, "module name"),
    PYR_FIELD("path", kImportPath, "module path"),
    {nullptr, nullptr},
};

bool name_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!set_args(self, args, nargs)) return false;
  return bind_kwargs(self, args, nargs, kwnames, {{"name", kNameName}});
}
const GetSetDef kNameGetSets[] = {
    PYR_FIELD("name", kNameName, "name"),
    {nullptr, nullptr},
};

bool attr_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!set_args(self, args, nargs)) return false;
  return bind_kwargs(self, args, nargs, kwnames, {{"name", kAttrName}, {"obj", kAttrObj}});
}
const GetSetDef kAttrGetSets[] = {
    PYR_FIELD("name", kAttrName, "attribute name"),
    PYR_FIELD("obj", kAttrObj, "object"),
    {nullptr, nullptr},
};

// ---- KeyError -------------------------------------------------------------------------

Value key_str(Value self) {
  Tuple* a = X(self)->args;
  if (a != nullptr && a->length == 1) return repr(a->at(0));
  return base_str(self);
}

// ---- OSError ---------------------------------------------------------------------------

Type* errno_subclass(int err) {
  switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
      return exc::BlockingIOError;
    case ECHILD: return exc::ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
      return exc::BrokenPipeError;
    case ECONNABORTED: return exc::ConnectionAbortedError;
    case ECONNREFUSED: return exc::ConnectionRefusedError;
    case ECONNRESET: return exc::ConnectionResetError;
    case EEXIST: return exc::FileExistsError;
    case ENOENT: return exc::FileNotFoundError;
    case EISDIR: return exc::IsADirectoryError;
    case ENOTDIR: return exc::NotADirectoryError;
    case EINTR: return exc::InterruptedError;
    case EACCES:
    case EPERM:
      return exc::PermissionError;
    case ESRCH: return exc::ProcessLookupError;
    case ETIMEDOUT: return exc::TimeoutError;
    default: return nullptr;
  }
}

bool oserror_init(Value self, const Value* args, size_t nargs, Tuple* kwnames);

// Whether __init__ (not __new__) parses the args: a subclass that overrides
// __init__ but not __new__ (CPython's oserror_use_init).
bool oserror_use_init(Type* type) {
  return type->slots.init != oserror_init && type->slots.new_ == exc::OSError->slots.new_;
}

// Fills errno/strerror/filename/filename2 from (errno, strerror[, filename
// [, winerror[, filename2]]]) and trims args to (errno, strerror) when a
// filename is given.
bool oserror_parse(Value self, const Value* args, size_t nargs) {
  if (!set_args(self, args, nargs)) return false;
  if (nargs < 2 || nargs > 5) return true;
  BaseExceptionObject* e = X(self);
  e->fields[kOsErrno] = args[0];
  e->fields[kOsStrerror] = args[1];
  Value filename = nargs >= 3 ? args[2] : Value();
  Value filename2 = nargs == 5 ? args[4] : Value();
  if (filename && !is_none(filename)) {
    if (type_of(self) == exc::BlockingIOError && is_int(filename)) {
      int64_t n;
      if (!int_to_index(filename, &n)) return false;
      e->fields[kOsWritten] = filename;
    } else {
      e->fields[kOsFilename] = filename;
      if (filename2 && !is_none(filename2)) e->fields[kOsFilename2] = filename2;
      Tuple* t = tuple_from_array(args, 2);
      if (!t) return false;
      e->args = t;
    }
  }
  return true;
}

Value oserror_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!oserror_use_init(type)) {
    if (!no_kwargs(type, true, kwnames)) return Value();
    if (type == exc::OSError && nargs >= 2 && nargs <= 5 && args[0].is_small()) {
      Type* sub = errno_subclass(static_cast<int>(args[0].small_value()));
      if (sub != nullptr) type = sub;
    }
    BaseExceptionObject* e = alloc_exception(type);
    if (!oserror_parse(e, args, nargs)) return Value();
    return e;
  }
  BaseExceptionObject* e = alloc_exception(type);
  if (!set_args(e, args, nargs)) return Value();
  return e;
}

bool oserror_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!oserror_use_init(type_of(self))) return true;  // __new__ did the work
  if (!no_kwargs(self, false, kwnames)) return false;
  return oserror_parse(self, args, nargs);
}

Value oserror_str(Value self) {
  BaseExceptionObject* e = X(self);
  auto s = [](Value v) -> std::string {
    Value r = str_of(v);
    return r ? str_to_utf8(r.as<Str>()) : std::string();
  };
  auto r = [](Value v) -> std::string {
    Value x = repr(v);
    return x ? str_to_utf8(x.as<Str>()) : std::string();
  };
  Value err = or_none(e->fields[kOsErrno]), strerror = or_none(e->fields[kOsStrerror]);
  std::string out;
  if (e->fields[kOsFilename]) {
    out = "[Errno " + s(err) + "] " + s(strerror) + ": " + r(e->fields[kOsFilename]);
    if (e->fields[kOsFilename2]) out += " -> " + r(e->fields[kOsFilename2]);
  } else if (e->fields[kOsErrno] && e->fields[kOsStrerror]) {
    out = "[Errno " + s(err) + "] " + s(strerror);
  } else {
    return base_str(self);
  }
  if (has_error()) return Value();
  return str_from_utf8(out);
}

Value oserror_reduce(Value self, const Value* args, size_t nargs, Tuple* kw) {
  BaseExceptionObject* e = X(self);
  Value a = get_args(self);
  if (e->fields[kOsFilename] && a.as<Tuple>()->length == 2) {
    Tuple* t = e->fields[kOsFilename2]
                   ? tuple_of({a.as<Tuple>()->at(0), a.as<Tuple>()->at(1), e->fields[kOsFilename],
                               none(), e->fields[kOsFilename2]})
                   : tuple_of({a.as<Tuple>()->at(0), a.as<Tuple>()->at(1), e->fields[kOsFilename]});
    if (!t) return Value();
    a = t;
  }
  return tuple_of({Value(type_of(self)), a});
}

Value written_get(Value self) {
  Value w = X(self)->fields[kOsWritten];
  if (!w) return raise(exc::AttributeError, "characters_written");
  return w;
}
bool written_set(Value self, Value v) {
  if (!v) {
    if (!X(self)->fields[kOsWritten]) {
      raise(exc::AttributeError, "characters_written");
      return false;
    }
    X(self)->fields[kOsWritten] = Value();
    return true;
  }
  int64_t n;
  Value i = index(v);
  if (!i || !int_to_index(i, &n)) return false;
  X(self)->fields[kOsWritten] = i;
  return true;
}

const MethodDef kOsMethods[] = {
    {"__reduce__", oserror_reduce, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kOsGetSets[] = {
    PYR_FIELD("errno", kOsErrno, "POSIX exception code"),
    PYR_FIELD("strerror", kOsStrerror, "exception strerror"),
    PYR_FIELD("filename", kOsFilename, "exception filename"),
    PYR_FIELD("filename2", kOsFilename2, "second exception filename"),
    {"characters_written", written_get, written_set},
    {nullptr, nullptr},
};

// ---- SyntaxError ----------------------------------------------------------------------

bool syntax_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!base_init(self, args, nargs, kwnames)) return false;
  BaseExceptionObject* e = X(self);
  if (nargs >= 1) e->fields[kSynMsg] = args[0];
  if (nargs == 2) {
    Value info = call1(types::tuple, args[1]);
    if (!info) return false;
    Tuple* t = info.as<Tuple>();
    if (t->length < 4) {
      raisef(exc::TypeError, "function takes at least 4 arguments (%lld given)",
             static_cast<long long>(t->length));
      return false;
    }
    if (t->length > 6) {
      raisef(exc::TypeError, "function takes at most 6 arguments (%lld given)",
             static_cast<long long>(t->length));
      return false;
    }
    e->fields[kSynFilename] = t->at(0);
    e->fields[kSynLineno] = t->at(1);
    e->fields[kSynOffset] = t->at(2);
    e->fields[kSynText] = t->at(3);
    e->fields[kSynEndLineno] = t->length >= 5 ? t->at(4) : Value();
    e->fields[kSynEndOffset] = t->length >= 6 ? t->at(5) : Value();
    if (t->length == 5) {
      raise(exc::TypeError, "end_offset must be provided when end_lineno is provided");
      return false;
    }
  }
  return true;
}

Value syntax_str(Value self) {
  BaseExceptionObject* e = X(self);
  std::string filename;
  bool have_filename = false;
  if (e->fields[kSynFilename] && is_str(e->fields[kSynFilename])) {
    filename = str_to_utf8(e->fields[kSynFilename].as<Str>());
    size_t slash = filename.rfind('/');
    if (slash != std::string::npos) filename = filename.substr(slash + 1);
    have_filename = true;
  }
  Value lineno = e->fields[kSynLineno];
  bool have_lineno = lineno && is_exact_int(lineno);
  Value msg = str_of(or_none(e->fields[kSynMsg]));
  if (!msg) return Value();
  if (!have_filename && !have_lineno) return msg;
  std::string out = str_to_utf8(msg.as<Str>());
  std::string line;
  if (have_lineno) {
    Value r = repr(lineno);
    if (!r) return Value();
    line = str_to_utf8(r.as<Str>());
  }
  if (have_filename && have_lineno) {
    out += " (" + filename + ", line " + line + ")";
  } else if (have_filename) {
    out += " (" + filename + ")";
  } else {
    out += " (line " + line + ")";
  }
  return str_from_utf8(out);
}

const GetSetDef kSyntaxGetSets[] = {
    PYR_FIELD("msg", kSynMsg, "exception msg"),
    PYR_FIELD("filename", kSynFilename, "exception filename"),
    PYR_FIELD("lineno", kSynLineno, "exception lineno"),
    PYR_FIELD("offset", kSynOffset, "exception offset"),
    PYR_FIELD("text", kSynText, "exception text"),
    PYR_FIELD("end_lineno", kSynEndLineno, "exception end lineno"),
    PYR_FIELD("end_offset", kSynEndOffset, "exception end offset"),
    PYR_FIELD("print_file_and_line", kSynPrintFileAndLine, "exception print_file_and_line"),
    {nullptr, nullptr},
};

// ---- Unicode errors ---------------------------------------------------------------------

bool require_str_arg(Value v, int pos) {
  if (is_str(v)) return true;
  raisef(exc::TypeError, "argument %d must be str, not %s", pos, type_name(v).c_str());
  return false;
}
bool require_index_arg(Value v, Value* out) {
  Value i = index(v);
  if (!i) return false;
  int64_t n;
  if (!int_to_index(i, &n)) return false;
  *out = i;
  return true;
}
bool require_count(size_t nargs, size_t n) {
  if (nargs == n) return true;
  raisef(exc::TypeError, "function takes exactly %zu arguments (%zu given)", n, nargs);
  return false;
}

bool uni_encode_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!base_init(self, args, nargs, kwnames)) return false;
  if (!require_count(nargs, 5)) return false;
  BaseExceptionObject* e = X(self);
  if (!require_str_arg(args[0], 1) || !require_str_arg(args[1], 2)) return false;
  Value start, end;
  if (!require_index_arg(args[2], &start) || !require_index_arg(args[3], &end)) return false;
  if (!require_str_arg(args[4], 5)) return false;
  e->fields[kUniEncoding] = args[0];
  e->fields[kUniObject] = args[1];
  e->fields[kUniStart] = start;
  e->fields[kUniEnd] = end;
  e->fields[kUniReason] = args[4];
  return true;
}

bool uni_decode_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!base_init(self, args, nargs, kwnames)) return false;
  if (!require_count(nargs, 5)) return false;
  BaseExceptionObject* e = X(self);
  if (!require_str_arg(args[0], 1)) return false;
  Value obj = args[1];
  if (!(obj.is_object() && type_of(obj)->has_flag(TypeFlag::kBytesSubclass))) {
    Type* t = type_of(obj);
    if (t == types::bytearray || t == types::memoryview || is_subtype(t, types::bytearray)) {
      obj = call1(types::bytes, obj);
      if (!obj) return false;
    } else {
      raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(obj).c_str());
      return false;
    }
  }
  Value start, end;
  if (!require_index_arg(args[2], &start) || !require_index_arg(args[3], &end)) return false;
  if (!require_str_arg(args[4], 5)) return false;
  e->fields[kUniEncoding] = args[0];
  e->fields[kUniObject] = obj;
  e->fields[kUniStart] = start;
  e->fields[kUniEnd] = end;
  e->fields[kUniReason] = args[4];
  return true;
}

bool uni_translate_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!base_init(self, args, nargs, kwnames)) return false;
  if (!require_count(nargs, 4)) return false;
  BaseExceptionObject* e = X(self);
  if (!require_str_arg(args[0], 1)) return false;
  Value start, end;
  if (!require_index_arg(args[1], &start) || !require_index_arg(args[2], &end)) return false;
  if (!require_str_arg(args[3], 4)) return false;
  e->fields[kUniObject] = args[0];
  e->fields[kUniStart] = start;
  e->fields[kUniEnd] = end;
  e->fields[kUniReason] = args[3];
  return true;
}

int64_t small_or(Value v, int64_t dflt) {
  if (!v) return dflt;
  auto i = int_to_i64(v);
  return i ? *i : dflt;
}

std::string escaped_char(char32_t c) {
  char buf[16];
  if (c <= 0xff) {
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
  } else if (c <= 0xffff) {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
  } else {
    std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
  }
  return buf;
}

// Length of the object (a str or bytes) of a Unicode error.
int64_t uni_object_length(Value obj) {
  if (is_str(obj)) return obj.as<Str>()->length;
  int64_t n = length(obj);
  if (n < 0) clear_error();
  return n;
}

std::string str_or_empty(Value v) {
  if (!v) return std::string();
  Value s = str_of(v);
  if (!s) return std::string();
  return str_to_utf8(s.as<Str>());
}

Value uni_encode_str(Value self) {
  BaseExceptionObject* e = X(self);
  if (!e->fields[kUniObject]) return str_empty();
  std::string reason = str_or_empty(e->fields[kUniReason]);
  std::string encoding = str_or_empty(e->fields[kUniEncoding]);
  if (has_error()) return Value();
  int64_t start = small_or(e->fields[kUniStart], 0), end = small_or(e->fields[kUniEnd], 0);
  Value obj = e->fields[kUniObject];
  if (is_str(obj) && start < obj.as<Str>()->length && start >= 0 && end == start + 1) {
    char32_t c = obj.as<Str>()->at(start);
    return str_format("'%s' codec can't encode character '%s' in position %lld: %s",
                      encoding.c_str(), escaped_char(c).c_str(), static_cast<long long>(start),
                      reason.c_str());
  }
  return str_format("'%s' codec can't encode characters in position %lld-%lld: %s",
                    encoding.c_str(), static_cast<long long>(start),
                    static_cast<long long>(end - 1), reason.c_str());
}

Value uni_decode_str(Value self) {
  BaseExceptionObject* e = X(self);
  if (!e->fields[kUniObject]) return str_empty();
  std::string reason = str_or_empty(e->fields[kUniReason]);
  std::string encoding = str_or_empty(e->fields[kUniEncoding]);
  if (has_error()) return Value();
  int64_t start = small_or(e->fields[kUniStart], 0), end = small_or(e->fields[kUniEnd], 0);
  Value obj = e->fields[kUniObject];
  int64_t n = uni_object_length(obj);
  if (start >= 0 && start < n && end == start + 1) {
    Value b = get_item(obj, Value::small(start));
    if (!b) return Value();
    return str_format("'%s' codec can't decode byte 0x%02x in position %lld: %s", encoding.c_str(),
                      static_cast<unsigned>(small_or(b, 0)), static_cast<long long>(start),
                      reason.c_str());
  }
  return str_format("'%s' codec can't decode bytes in position %lld-%lld: %s", encoding.c_str(),
                    static_cast<long long>(start), static_cast<long long>(end - 1), reason.c_str());
}

Value uni_translate_str(Value self) {
  BaseExceptionObject* e = X(self);
  if (!e->fields[kUniObject]) return str_empty();
  std::string reason = str_or_empty(e->fields[kUniReason]);
  if (has_error()) return Value();
  int64_t start = small_or(e->fields[kUniStart], 0), end = small_or(e->fields[kUniEnd], 0);
  Value obj = e->fields[kUniObject];
  if (is_str(obj) && start >= 0 && start < obj.as<Str>()->length && end == start + 1) {
    char32_t c = obj.as<Str>()->at(start);
    return str_format("can't translate character '%s' in position %lld: %s",
                      escaped_char(c).c_str(), static_cast<long long>(start), reason.c_str());
  }
  return str_format("can't translate characters in position %lld-%lld: %s",
                    static_cast<long long>(start), static_cast<long long>(end - 1),
                    reason.c_str());
}

const GetSetDef kUnicodeGetSets[] = {
    PYR_FIELD("encoding", kUniEncoding, "exception encoding"),
    PYR_FIELD("object", kUniObject, "exception object"),
    PYR_FIELD("start", kUniStart, "exception start"),
    PYR_FIELD("end", kUniEnd, "exception end"),
    PYR_FIELD("reason", kUniReason, "exception reason"),
    {nullptr, nullptr},
};

}  // namespace

// ---- exception groups (shared with the interpreter's except*) ---------------------------

bool is_exception_group(Value v) { return exc::BaseExceptionGroup && isinstance(v, exc::BaseExceptionGroup); }

namespace {

bool is_sequence(Value v) {
  if (!v.is_object() && !v.is_small()) return false;
  Type* t = type_of(v);
  if (t->has_flag(TypeFlag::kDictSubclass)) return false;
  return t->slots.getitem != nullptr;
}

Value eg_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(type, true, kwnames)) return Value();
  if (nargs != 2) {
    return raisef(exc::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                  nargs);
  }
  Value message = args[0], excs = args[1];
  if (!is_str(message)) {
    return raisef(exc::TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                  type_name(message).c_str());
  }
  if (!is_sequence(excs)) {
    return raise(exc::TypeError, "second argument (exceptions) must be a sequence");
  }
  Value t = call1(types::tuple, excs);
  if (!t) return Value();
  Tuple* items = t.as<Tuple>();
  if (items->length == 0) {
    return raise(exc::ValueError, "second argument (exceptions) must be a non-empty sequence");
  }
  bool nested_base = false;
  for (int64_t i = 0; i < items->length; i++) {
    Value e = items->at(i);
    if (!is_exception(e)) {
      return raisef(exc::ValueError, "Item %lld of second argument (exceptions) is not an exception",
                    static_cast<long long>(i));
    }
    if (!isinstance(e, exc::Exception)) nested_base = true;
  }
  Type* cls = type;
  if (cls == exc::BaseExceptionGroup) {
    if (!nested_base) cls = exc::ExceptionGroup;
  } else if (cls == exc::ExceptionGroup) {
    if (nested_base) return raise(exc::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && is_subtype(cls, exc::Exception)) {
    return raisef(exc::TypeError, "Cannot nest BaseExceptions in '%s'", type_name_of(cls).c_str());
  }
  BaseExceptionObject* e = alloc_exception(cls);
  if (!set_args(e, args, nargs)) return Value();
  e->fields[kEgMessage] = message;
  e->fields[kEgExceptions] = items;
  return e;
}

bool eg_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs(self, false, kwnames)) return false;
  return set_args(self, args, nargs);
}

Value eg_str(Value self) {
  BaseExceptionObject* e = X(self);
  Value msg = or_none(e->fields[kEgMessage]);
  Value ms = str_of(msg);
  if (!ms) return Value();
  int64_t n = e->fields[kEgExceptions] ? e->fields[kEgExceptions].as<Tuple>()->length : 0;
  return str_format("%s (%lld sub-exception%s)", str_to_utf8(ms.as<Str>()).c_str(),
                    static_cast<long long>(n), n > 1 ? "s" : "");
}

Value eg_message(Value self) { return or_none(X(self)->fields[kEgMessage]); }
Value eg_exceptions(Value self) {
  Value t = X(self)->fields[kEgExceptions];
  return t ? t : Value(tuple_empty());
}

Value m_derive(Value self, const Value* args, size_t nargs, Tuple*) {
  Value a[2] = {eg_message(self), args[0]};
  return exception_construct(exc::BaseExceptionGroup, a, 2, nullptr);
}

// What a split/subgroup condition matches.
struct Matcher {
  enum Kind { kType, kPredicate, kInstanceIds } kind;
  Value value;
};

bool make_matcher(Value cond, Matcher* m) {
  auto is_exc_type_tuple = [](Value v) {
    if (!is_tuple(v)) return false;
    Tuple* t = v.as<Tuple>();
    for (int64_t i = 0; i < t->length; i++)
      if (!is_exception_type(t->at(i))) return false;
    return true;
  };
  if (is_exception_type(cond) || is_exc_type_tuple(cond)) {
    *m = {Matcher::kType, cond};
    return true;
  }
  bool is_type_obj = cond.is_object() && isinstance(cond, types::type);
  if (!is_type_obj && is_callable(cond)) {
    *m = {Matcher::kPredicate, cond};
    return true;
  }
  raise(exc::TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

// 1, 0 or -1.
int matcher_matches(const Matcher& m, Value e) {
  switch (m.kind) {
    case Matcher::kType:
      return exception_matches(e, m.value);
    case Matcher::kPredicate: {
      Value r = call1(m.value, e);
      if (!r) return -1;
      return truth(r);
    }
    case Matcher::kInstanceIds:
      return contains(m.value, int_from_i64(static_cast<int64_t>(e.bits()))) ;
  }
  return 0;
}

// eg.derive(excs) with the metadata of eg copied (CPython's exceptiongroup_subset).
Value derive_subset(Value eg, Value list) {
  static Str* derive = name_str("derive");
  Value r = call_method(eg, derive, &list, 1);
  if (!r) return Value();
  if (!is_exception_group(r)) return raise(exc::TypeError, "derive must return an instance of BaseExceptionGroup");
  BaseExceptionObject *src = X(eg), *dst = X(r);
  dst->traceback = src->traceback;
  dst->context = src->context;
  dst->cause = src->cause;
  static Str* notes_name = name_str("__notes__");
  Value notes = get_attr_or_null(eg, notes_name);
  if (!notes && has_error()) return Value();
  if (notes && is_sequence(notes)) {
    Value copy = call1(types::list, notes);
    if (!copy || !set_attr(r, notes_name, copy)) return Value();
  }
  return r;
}

bool list_append(Value list, Value x) {
  static Str* append = name_str("append");
  return static_cast<bool>(call_method(list, append, &x, 1));
}

// Splits exc by m into *match and *rest (null for empty).
bool split_recursive(Value exc, const Matcher& m, bool want_rest, Value* match, Value* rest) {
  *match = Value();
  *rest = Value();
  int r = matcher_matches(m, exc);
  if (r < 0) return false;
  if (r) {
    *match = exc;
    return true;
  }
  if (!is_exception_group(exc)) {
    if (want_rest) *rest = exc;
    return true;
  }
  Value match_list = call0(types::list);
  Value rest_list = want_rest ? call0(types::list) : Value();
  if (!match_list || (want_rest && !rest_list)) return false;
  Tuple* items = eg_exceptions(exc).as<Tuple>();
  for (int64_t i = 0; i < items->length; i++) {
    Value sm, sr;
    if (!split_recursive(items->at(i), m, want_rest, &sm, &sr)) return false;
    if (sm && !list_append(match_list, sm)) return false;
    if (want_rest && sr && !list_append(rest_list, sr)) return false;
  }
  if (length(match_list) > 0) {
    *match = derive_subset(exc, match_list);
    if (!*match) return false;
  }
  if (want_rest && length(rest_list) > 0) {
    *rest = derive_subset(exc, rest_list);
    if (!*rest) return false;
  }
  return true;
}

Value m_split(Value self, const Value* args, size_t nargs, Tuple*) {
  Matcher m;
  if (!make_matcher(args[0], &m)) return Value();
  Value match, rest;
  if (!split_recursive(self, m, true, &match, &rest)) return Value();
  return tuple_of({or_none(match), or_none(rest)});
}

Value m_subgroup(Value self, const Value* args, size_t nargs, Tuple*) {
  Matcher m;
  if (!make_matcher(args[0], &m)) return Value();
  Value match, rest;
  if (!split_recursive(self, m, false, &match, &rest)) return Value();
  return or_none(match);
}

Value m_class_getitem(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return class_getitem(self, args, nargs, kw);
}

const MethodDef kEgMethods[] = {
    {"derive", m_derive, MethodFlag::kOneArg},
    {"split", m_split, MethodFlag::kOneArg},
    {"subgroup", m_subgroup, MethodFlag::kOneArg},
    {"__class_getitem__", m_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass},
    {nullptr, nullptr, 0},
};
const GetSetDef kEgGetSets[] = {
    {"message", eg_message, nullptr, "exception message"},
    {"exceptions", eg_exceptions, nullptr, "nested exceptions"},
    {nullptr, nullptr},
};

void collect_leaf_ids(Value exc, Value set) {
  if (is_none(exc)) return;
  if (!is_exception_group(exc)) {
    static Str* add = name_str("add");
    Value id = int_from_i64(static_cast<int64_t>(exc.bits()));
    call_method(set, add, &id, 1);
    return;
  }
  Tuple* items = eg_exceptions(exc).as<Tuple>();
  for (int64_t i = 0; i < items->length; i++) collect_leaf_ids(items->at(i), set);
}

bool same_metadata(Value a, Value b) {
  return X(a)->traceback == X(b)->traceback && X(a)->cause == X(b)->cause &&
         X(a)->context == X(b)->context;
}

}  // namespace

// ---- construction ---------------------------------------------------------------------

bool exceptions_ready() { return g_ready; }

Value exception_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type->is_heap_type() || type->slots.new_ == nullptr) {
    return type_call(type, args, nargs, kwnames);
  }
  Value e = type->slots.new_(type, args, nargs, kwnames);
  if (!e) return Value();
  // __new__ may have picked a subclass (OSError -> FileNotFoundError).
  Type* t = type_of(e);
  if (t->slots.init != nullptr && !t->slots.init(e, args, nargs, kwnames)) return Value();
  return e;
}

Value raise_stop_iteration(Value value) {
  // None too: CPython's _PyGen_SetStopIterationValue leaves args empty.
  if (!value || is_none(value)) return raise_with(exc::StopIteration, Value());
  // StopIteration(value) would unpack a tuple value's meaning; args=(value,).
  Value e = new_exception(exc::StopIteration, &value, 1);
  if (e) set_error(e.object());
  return Value();
}

Value stop_iteration_value(Value e) {
  if (!is_exception(e) || !isinstance(e, exc::StopIteration)) return none();
  return or_none(X(e)->fields[kStopValue]);
}

bool raise_value(Value v, Value cause) {
  Value e;
  if (is_exception_type(v)) {
    e = exception_construct(v.as<Type>(), nullptr, 0, nullptr);
    if (!e) return false;
    if (!is_exception(e)) {
      raisef(exc::TypeError,
             "calling %s should have returned an instance of BaseException, not %s",
             repr_utf8(v).c_str(), repr_utf8(Value(type_of(e))).c_str());
      return false;
    }
  } else if (is_exception(v)) {
    e = v;
  } else {
    raise(exc::TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (cause) {
    Value c;
    if (is_none(cause)) {
      c = Value();
    } else if (is_exception_type(cause)) {
      c = exception_construct(cause.as<Type>(), nullptr, 0, nullptr);
      if (!c) return false;
      if (!is_exception(c)) {
        raisef(exc::TypeError,
               "calling %s should have returned an instance of BaseException, not %s",
               repr_utf8(cause).c_str(), type_name(c).c_str());
        return false;
      }
    } else if (is_exception(cause)) {
      c = cause;
    } else {
      raise(exc::TypeError, "exception causes must derive from BaseException");
      return false;
    }
    X(e)->cause = c ? c.object() : nullptr;
    X(e)->suppress_context = true;
  }
  set_error(e.object());
  return false;
}

int exception_matches(Value e, Value type_or_tuple) {
  if (is_tuple(type_or_tuple)) {
    Tuple* t = type_or_tuple.as<Tuple>();
    for (int64_t i = 0; i < t->length; i++) {
      if (!is_exception_type(t->at(i))) {
        raise(exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
      }
    }
    for (int64_t i = 0; i < t->length; i++) {
      if (isinstance(e, t->at(i).as<Type>())) return 1;
    }
    return 0;
  }
  if (!is_exception_type(type_or_tuple)) {
    raise(exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return isinstance(e, type_or_tuple.as<Type>()) ? 1 : 0;
}

int check_except_star_type(Value type_or_tuple) {
  auto check_one = [](Value t) -> int {
    if (!is_exception_type(t)) {
      raise(exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    if (is_subtype(t.as<Type>(), exc::BaseExceptionGroup)) {
      raise(exc::TypeError,
            "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return -1;
    }
    return 0;
  };
  if (is_tuple(type_or_tuple)) {
    Tuple* t = type_or_tuple.as<Tuple>();
    for (int64_t i = 0; i < t->length; i++)
      if (check_one(t->at(i)) < 0) return -1;
    return 0;
  }
  return check_one(type_or_tuple);
}

int exception_group_match(Value e, Value type, Value* match, Value* rest) {
  *match = none();
  *rest = none();
  if (!e || is_none(e)) return 0;
  int r = exception_matches(e, type);
  if (r < 0) return -1;
  if (r) {
    if (is_exception_group(e)) {
      *match = e;
    } else {
      Tuple* excs = tuple_of({e});
      Value a[2] = {str_empty(), excs};
      Value wrapped = exception_construct(exc::ExceptionGroup, a, 2, nullptr);
      if (!wrapped) return -1;
      X(wrapped)->traceback = X(e)->traceback;
      *match = wrapped;
    }
    return 0;
  }
  if (is_exception_group(e)) {
    static Str* split = name_str("split");
    Value pair = call_method(e, split, &type, 1);
    if (!pair) return -1;
    if (!is_tuple(pair) || pair.as<Tuple>()->length != 2) {
      raisef(exc::TypeError, "%s.split must return a 2-tuple, got %s", tname(e).c_str(),
             type_name(pair).c_str());
      return -1;
    }
    *match = pair.as<Tuple>()->at(0);
    *rest = pair.as<Tuple>()->at(1);
    return 0;
  }
  *rest = e;
  return 0;
}

Value prep_reraise_star(Value orig, Value excs) {
  int64_t n = length(excs);
  if (n < 0) return Value();
  if (n == 0) return none();
  if (!is_exception_group(orig)) return get_item(excs, Value::small(0));
  Value raised = call0(types::list);
  Value reraised = call0(types::list);
  if (!raised || !reraised) return Value();
  for (int64_t i = 0; i < n; i++) {
    Value e = get_item(excs, Value::small(i));
    if (!e) return Value();
    if (is_none(e)) continue;
    bool is_reraise = is_exception(e) && same_metadata(e, orig);
    if (!list_append(is_reraise ? reraised : raised, e)) return Value();
  }
  // The part of orig whose leaves were re-raised, keeping orig's structure.
  Value reraised_eg = none();
  if (length(reraised) > 0) {
    Value ids = call0(types::set);
    if (!ids) return Value();
    int64_t rn = length(reraised);
    for (int64_t i = 0; i < rn; i++) {
      Value e = get_item(reraised, Value::small(i));
      if (!e) return Value();
      collect_leaf_ids(e, ids);
      if (has_error()) return Value();
    }
    Matcher m{Matcher::kInstanceIds, ids};
    Value mt, rs;
    if (!split_recursive(orig, m, false, &mt, &rs)) return Value();
    reraised_eg = or_none(mt);
  }
  if (length(raised) == 0) return reraised_eg;
  if (!is_none(reraised_eg) && !list_append(raised, reraised_eg)) return Value();
  // 3.11.2 (the oracle) wraps even a single raised exception; later 3.11
  // releases return it alone.
  Value a[2] = {str_empty(), raised};
  return exception_construct(exc::ExceptionGroup, a, 2, nullptr);
}

// ---- field access for the runtime -----------------------------------------------------

Tuple* exception_args(Value e) { return is_exception(e) ? X(e)->args : nullptr; }
Value exception_traceback(Value e) { return is_exception(e) ? Value(X(e)->traceback) : Value(); }
void exception_set_traceback(Value e, Value tb) {
  if (!is_exception(e)) return;
  X(e)->traceback = (tb && !is_none(tb)) ? tb.object() : nullptr;
}
Value exception_context(Value e) { return is_exception(e) ? Value(X(e)->context) : Value(); }
void exception_set_context(Value e, Value ctx) {
  if (!is_exception(e)) return;
  X(e)->context = (ctx && !is_none(ctx)) ? ctx.object() : nullptr;
}
Value exception_cause(Value e) { return is_exception(e) ? Value(X(e)->cause) : Value(); }
void exception_set_cause(Value e, Value cause) {
  if (!is_exception(e)) return;
  X(e)->cause = (cause && !is_none(cause)) ? cause.object() : nullptr;
  X(e)->suppress_context = true;
}
bool exception_suppress_context(Value e) { return is_exception(e) && X(e)->suppress_context; }
Value system_exit_code(Value e) {
  if (!is_exception(e) || !isinstance(e, exc::SystemExit)) return none();
  return or_none(X(e)->fields[kExitCode]);
}
bool attribute_error_fields(Value e, Value* name, Value* obj) {
  if (!is_exception(e) || !isinstance(e, exc::AttributeError)) return false;
  *name = X(e)->fields[kAttrName];
  *obj = X(e)->fields[kAttrObj];
  return true;
}
Value name_error_name(Value e) {
  if (!is_exception(e) || !isinstance(e, exc::NameError)) return Value();
  return X(e)->fields[kNameName];
}

Value new_syntax_error(Type* type, std::string_view msg, std::string_view filename, int lineno,
                       int offset, std::string_view text, int end_lineno, int end_offset) {
  Value m = str_from_utf8(msg);
  if (!m) return Value();
  Value f = str_from_utf8(filename);
  if (!f) return Value();
  Value t = text.empty() ? none() : Value(str_from_utf8(text));
  if (!t) return Value();
  Tuple* info = tuple_of({f, int_from_i64(lineno), int_from_i64(offset), t, int_from_i64(end_lineno),
                          int_from_i64(end_offset)});
  if (!info) return Value();
  Value a[2] = {m, info};
  return exception_construct(type ? type : exc::SyntaxError, a, 2, nullptr);
}

Value raise_os_error(int err, Value filename, Value filename2) {
  Value msg = str_from_utf8(std::strerror(err));
  if (!msg) return Value();
  Value a[5] = {Value::small(err), msg, filename, none(), filename2};
  size_t n = filename2 ? 5 : (filename ? 3 : 2);
  Value e = exception_construct(exc::OSError, a, n, nullptr);
  if (e) set_error(e.object());
  return Value();
}

Value raise_key_error(Value key) { return raise_with(exc::KeyError, key); }

Value raise_attribute_error(Value obj, Str* name) {
  std::string n = str_to_utf8(name);
  std::string msg;
  if (obj.is_object() && isinstance(obj, types::type)) {
    msg = "type object '" + type_name_of(obj.as<Type>()) + "' has no attribute '" + n + "'";
  } else if (obj.is_object() && type_of(obj) == types::module) {
    static Str* name_attr = name_str("__name__");
    Value mod = get_attr_or_null(obj, name_attr);
    clear_error();
    if (mod && is_str(mod)) {
      msg = "module '" + str_to_utf8(mod.as<Str>()) + "' has no attribute '" + n + "'";
    } else {
      msg = "module has no attribute '" + n + "'";
    }
  } else {
    msg = "'" + type_name(obj) + "' object has no attribute '" + n + "'";
  }
  Value m = str_from_utf8(msg);
  if (!m) return Value();
  Value e = exception_construct(exc::AttributeError, &m, 1, nullptr);
  if (!e) return Value();
  X(e)->fields[kAttrName] = name;
  X(e)->fields[kAttrObj] = obj;
  set_error(e.object());
  return Value();
}

void add_attribute_error_context(Value obj, Str* name) {
  Object* pending = error_state().pending;
  if (!pending || !isinstance(Value(pending), exc::AttributeError)) return;
  BaseExceptionObject* e = X(pending);
  if (e->fields[kAttrName] || e->fields[kAttrObj]) return;
  e->fields[kAttrName] = name;
  e->fields[kAttrObj] = obj;
}

Value raise_name_error(Str* name) {
  Value m = str_format("name '%s' is not defined", str_to_utf8(name).c_str());
  if (!m) return Value();
  Value e = exception_construct(exc::NameError, &m, 1, nullptr);
  if (!e) return Value();
  X(e)->fields[kNameName] = name;
  set_error(e.object());
  return Value();
}

// ---- the types ---------------------------------------------------------------------------

namespace {

void customize(const char* name, TypeSpec& spec) {
  auto is = [&](const char* n) { return std::strcmp(name, n) == 0; };
  if (is("BaseException")) {
    // Set explicitly, as CPython does, so __getattribute__/__setattr__/
    // __delattr__ appear in BaseException.__dict__.
    spec.slots.getattr = generic_getattr;
    spec.slots.setattr = generic_setattr;
    spec.slots.new_ = base_new;
    spec.slots.init = base_init;
    spec.slots.repr = base_repr;
    spec.slots.str = base_str;
    spec.methods = kBaseMethods;
    spec.getsets = kBaseGetSets;
  } else if (is("StopIteration")) {
    spec.slots.init = stop_init;
    spec.getsets = kStopGetSets;
  } else if (is("SystemExit")) {
    spec.slots.init = exit_init;
    spec.getsets = kExitGetSets;
  } else if (is("ImportError")) {
    spec.slots.init = import_init;
    spec.slots.str = import_str;
    spec.methods = kImportMethods;
    spec.getsets = kImportGetSets;
  } else if (is("NameError")) {
    spec.slots.init = name_init;
    spec.getsets = kNameGetSets;
  } else if (is("AttributeError")) {
    spec.slots.init = attr_init;
    spec.getsets = kAttrGetSets;
  } else if (is("KeyError")) {
    spec.slots.str = key_str;
  } else if (is("OSError")) {
    spec.slots.new_ = oserror_new;
    spec.slots.init = oserror_init;
    spec.slots.str = oserror_str;
    spec.methods = kOsMethods;
    spec.getsets = kOsGetSets;
  } else if (is("SyntaxError")) {
    spec.slots.init = syntax_init;
    spec.slots.str = syntax_str;
    spec.getsets = kSyntaxGetSets;
  } else if (is("UnicodeEncodeError")) {
    spec.slots.init = uni_encode_init;
    spec.slots.str = uni_encode_str;
    spec.getsets = kUnicodeGetSets;
  } else if (is("UnicodeDecodeError")) {
    spec.slots.init = uni_decode_init;
    spec.slots.str = uni_decode_str;
    spec.getsets = kUnicodeGetSets;
  } else if (is("UnicodeTranslateError")) {
    spec.slots.init = uni_translate_init;
    spec.slots.str = uni_translate_str;
    spec.getsets = kUnicodeGetSets;
  } else if (is("BaseExceptionGroup")) {
    spec.slots.new_ = eg_new;
    spec.slots.init = eg_init;
    spec.slots.str = eg_str;
    spec.methods = kEgMethods;
    spec.getsets = kEgGetSets;
  }
}

}  // namespace

// offsetof on a struct deriving from Object is conditionally supported;
// GCC and Clang lay it out like a standard-layout struct.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
constexpr int32_t kAttrsOffset = static_cast<int32_t>(offsetof(BaseExceptionObject, attrs_map));
#pragma GCC diagnostic pop

void init_errors() {}

void init_exceptions() {
  if (g_ready) return;
  init_traceback();
  gc::add_root(reinterpret_cast<void**>(&error_state().pending));
  g_exception_layout =
      register_object_layout("BaseException", sizeof(BaseExceptionObject), exc_trace);
  struct Row {
    Type** global;
    Type* const* parent;
    const char* name;
    const char* doc;
  };
  static const Row kRows[] = {
#define PYR_EXCEPTION(cname, parent, doc) {&exc::cname, PYR_EXC_PARENT_##parent, #cname, doc},
#define PYR_EXC_PARENT_ nullptr
#define PYR_EXC_PARENT_BaseException &exc::BaseException
#define PYR_EXC_PARENT_Exception &exc::Exception
#define PYR_EXC_PARENT_ArithmeticError &exc::ArithmeticError
#define PYR_EXC_PARENT_ImportError &exc::ImportError
#define PYR_EXC_PARENT_LookupError &exc::LookupError
#define PYR_EXC_PARENT_NameError &exc::NameError
#define PYR_EXC_PARENT_OSError &exc::OSError
#define PYR_EXC_PARENT_ConnectionError &exc::ConnectionError
#define PYR_EXC_PARENT_RuntimeError &exc::RuntimeError
#define PYR_EXC_PARENT_SyntaxError &exc::SyntaxError
#define PYR_EXC_PARENT_IndentationError &exc::IndentationError
#define PYR_EXC_PARENT_ValueError &exc::ValueError
#define PYR_EXC_PARENT_UnicodeError &exc::UnicodeError
#define PYR_EXC_PARENT_Warning &exc::Warning
#include "python/objects/exceptions.def"
  };
  for (const Row& row : kRows) {
    TypeSpec spec;
    spec.name = row.name;
    spec.base = row.parent ? *row.parent : nullptr;
    // ExceptionGroup is (BaseExceptionGroup, Exception); its __base__ is
    // BaseExceptionGroup, whose slots it inherits. The bases are fixed below.
    if (std::strcmp(row.name, "ExceptionGroup") == 0) spec.base = exc::BaseExceptionGroup;
    spec.layout = g_exception_layout;
    spec.instance_size = sizeof(BaseExceptionObject);
    spec.flags = TypeFlag::kBaseType | TypeFlag::kExceptionSubclass | TypeFlag::kHasInstanceAttrs;
    spec.trace = exc_trace;
    spec.doc = row.doc[0] ? row.doc : nullptr;  // ExceptionGroup.__doc__ is None
    spec.attrs_offset = kAttrsOffset;
    customize(row.name, spec);
    // Every exception type has its own __init__ in CPython (the inherited
    // one, set explicitly): the same here, so vars(KeyError) lists it.
    if (!spec.slots.init && spec.base) spec.slots.init = spec.base->slots.init;
    make_builtin_type(row.global, spec);
  }
  {
    Type* eg = exc::ExceptionGroup;
    eg->bases = tuple_of({Value(exc::BaseExceptionGroup), Value(exc::Exception)});
    Tuple* mro = compute_mro(eg);
    if (mro) eg->mro = mro;
    type_modified(eg, nullptr);
  }
  g_ready = true;
}

}  // namespace pyrite::python
