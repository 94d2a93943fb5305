// The _io module: the abstract bases (_IOBase, _RawIOBase, _BufferedIOBase,
// _TextIOBase), open(), open_code(), text_encoding() and the module object
// that CPython's unmodified io.py imports (docs/modules.md, "_io").
//
// The bases work through method calls on self exactly as CPython's C
// bases do (readline calls self.peek and self.read, close calls
// self.flush), so a Python subclass overriding one method sees the others
// use it.
#include <langinfo.h>

#include <clocale>
#include <deque>
#include <cstdio>
#include <cstring>

#include "python/interp/pyrun.h"
#include "python/modules/io.h"
#include "python/objects/dict.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/protocol.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"

namespace pyrite::python::io {

Type* g_iobase = nullptr;
Type* g_rawiobase = nullptr;
Type* g_bufferediobase = nullptr;
Type* g_textiobase = nullptr;
Type* g_unsupported_operation = nullptr;

// ---- shared helpers ---------------------------------------------------------------------------

void trace_iobase(void* p, gc::Visitor& v) {
  auto* o = static_cast<IOBase*>(p);
  v.visit(o->type);
  v.visit(o->attrs_map);
  v.visit(o->attrs_storage);
}

namespace {

// CPython's iobase_finalize: an unclosed object is closed when it dies
// (flushing what it buffers); errors are unraisable. The hook of the _io
// layouts; instances of Python subclasses get it as _IOBase.__del__.
void io_finalize(Value self) {
  void* p = self.object();
  if (isinstance(self, g_iobase) && static_cast<IOBase*>(p)->wrapped) return;
  Object* saved = take_error();
  int c = is_closed(self);
  if (c == 0) {
    if (isinstance(self, g_iobase)) static_cast<IOBase*>(p)->finalizing = true;
    static Str* const kClose = intern("close");
    if (!call_method(self, kClose, nullptr, 0)) {
      Object* e = take_error();
      std::string r = repr_utf8(self);
      clear_error();
      std::fflush(stdout);
      std::fprintf(stderr, "Exception ignored in: %s\n", r.c_str());
      print_exception(e, Value());
    }
  }
  clear_error();
  if (saved) set_error(saved);
}

void finalize_io(void* p) { io_finalize(static_cast<Object*>(p)); }

}  // namespace

TypeSpec io_type_spec(const char* name, Type* base, size_t size, TraceFn trace) {
  TypeSpec spec;
  spec.name = name;
  spec.base = base;
  spec.module = "_io";
  gc::LayoutInfo info;
  info.name = name;
  info.trace = trace;
  info.fixed_size = size;
  info.finalize = finalize_io;
  spec.layout = gc::register_layout(info);
  spec.instance_size = uint32_t(size);
  spec.flags = TypeFlag::kBaseType | TypeFlag::kHasInstanceAttrs;
  spec.trace = trace;
  spec.attrs_offset = kIOAttrsOffset;
  return spec;
}

// ---- flushing at exit ---------------------------------------------------------------------

namespace {
// Weak slots (gc::Heap::add_weak): a collected object's slot becomes null
// and its registration goes; a reused slot is registered again. A deque
// never moves its elements.
std::deque<Object*>* g_exit_list = nullptr;
size_t g_exit_cursor = 0;
}  // namespace

void set_wrapped(Value inner, bool wrapped) {
  if (inner.is_object() && isinstance(inner, g_iobase)) inner.as<IOBase>()->wrapped = wrapped;
}

void register_exit_flush(IOBase* o) {
  if (o->exit_flush) return;
  o->exit_flush = true;
  if (!g_exit_list) g_exit_list = new std::deque<Object*>();
  std::deque<Object*>& l = *g_exit_list;
  for (size_t k = 0; k < 64 && k < l.size(); k++) {
    size_t i = (g_exit_cursor + k) % l.size();
    if (!l[i]) {
      l[i] = o;
      gc::Heap::current()->add_weak(reinterpret_cast<void**>(&l[i]), nullptr);
      g_exit_cursor = i + 1;
      return;
    }
  }
  l.push_back(o);
  gc::Heap::current()->add_weak(reinterpret_cast<void**>(&l.back()), nullptr);
}

void flush_at_exit() {
  if (!g_exit_list) return;
  Object* saved = take_error();
  // Strong references for the walk (flush() runs Python code that may collect).
  Tuple* items = tuple_new(int64_t(g_exit_list->size()));
  for (size_t i = 0; i < g_exit_list->size(); i++) items->items()[i] = (*g_exit_list)[i];
  for (int pass = 0; pass < 2; pass++) {
    for (int64_t i = 0; i < items->length; i++) {
      Value o = items->items()[i];
      if (!o) continue;
      bool text = isinstance(o, g_textiowrapper);
      if (text != (pass == 0)) continue;
      int c = is_closed(o);
      if (c == 0 && !call_m(o, "flush")) c = -1;
      clear_error();
    }
  }
  if (saved) set_error(saved);
}

Value raise_unsupported(const char* message) {
  return raise(g_unsupported_operation, message);
}

Value raise_closed() { return raise(exc::ValueError, "I/O operation on closed file."); }

Value raise_blocking(int err, const char* message, int64_t written) {
  Value args[3] = {Value::small(err), str_from_utf8(message), int_from_i64(written)};
  Value e = exception_construct(exc::BlockingIOError, args, 3, nullptr);
  if (e) set_error(e.object());
  return {};
}

Value call_m(Value obj, const char* name, std::initializer_list<Value> args) {
  return call_method(obj, intern(name), args.begin(), args.size());
}

int is_closed(Value obj) {
  static Str* const kClosed = intern("closed");
  Value c = get_attr(obj, kClosed);
  if (!c) return -1;
  return truth(c);
}

bool check_closed(Value obj) {
  int c = is_closed(obj);
  if (c < 0) return false;
  if (c) {
    raise_closed();
    return false;
  }
  return true;
}

namespace {
bool check_capability(Value obj, const char* method, const char* message) {
  Value r = call_m(obj, method);
  if (!r) return false;
  if (!r.is(py_bool(true))) {
    raise_unsupported(message);
    return false;
  }
  return true;
}
}  // namespace

bool check_readable(Value obj) { return check_capability(obj, "readable", "File or stream is not readable."); }
bool check_writable(Value obj) { return check_capability(obj, "writable", "File or stream is not writable."); }
bool check_seekable(Value obj) { return check_capability(obj, "seekable", "File or stream is not seekable."); }

bool size_arg(Value v, int64_t* out) {
  if (!v || is_none(v)) {
    *out = -1;
    return true;
  }
  if (!lookup_special(v, names::__index__) && !is_int(v)) {
    raisef(exc::TypeError, "argument should be integer or None, not '%s'", type_name(v).c_str());
    return false;
  }
  return arg_ssize(v, out);
}

bool writable_buffer(Value v, const char* fname, uint8_t** data, int64_t* len) {
  BufferView view;
  if (!get_buffer(v, &view) || view.readonly) {
    raisef(exc::TypeError, "%s() argument must be read-write bytes-like object, not %s", fname,
           type_name(v).c_str());
    return false;
  }
  *data = const_cast<uint8_t*>(view.data);
  *len = view.length;
  return true;
}

bool readable_buffer(Value v, BufferView* view) {
  if (!get_buffer(v, view)) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
    return false;
  }
  return true;
}

// CPython's config_get_stdio_errors: surrogateescape in the C and POSIX
// locales and the UTF-8 locales CPython coerces them to, else strict.
const char* stdio_errors() {
  static const char* cached = nullptr;
  if (cached) return cached;
  // The user's LC_CTYPE, which main() made current (as CPython does).
  const char* loc = std::setlocale(LC_CTYPE, nullptr);
  std::string name = loc ? loc : "C";
  bool escape = name == "C" || name == "POSIX" || name == "C.UTF-8" || name == "C.utf8" || name == "UTF-8";
  cached = escape ? "surrogateescape" : "strict";
  return cached;
}

Str* locale_encoding() {
  static Str* cached = nullptr;
  if (cached) return cached;
  const char* cs = nl_langinfo(CODESET);  // of the user's LC_CTYPE (main)
  std::string name = cs ? cs : "";
  // The C/POSIX locale turns on CPython's UTF-8 mode, whose encoding is 'utf-8'.
  if (name.empty() || name == "ANSI_X3.4-1968") name = "utf-8";
  cached = intern(name);
  return cached;
}

// ---- _IOBase ------------------------------------------------------------------------------

namespace {

IOBase* iob(Value self) { return isinstance(self, g_iobase) ? self.as<IOBase>() : nullptr; }

bool iobase_is_closed(Value self) {
  IOBase* o = iob(self);
  return o && o->iobase_closed;
}

Value iobase_new(Type* type, const Value*, size_t, Tuple*) {
  Object* o = alloc_instance(type);
  gc::Heap::current()->register_finalizer(o);
  return o;
}

Value iobase_seek(Value, const Value*, size_t, Tuple*) { return raise_unsupported("seek"); }
Value iobase_truncate(Value, const Value*, size_t, Tuple*) { return raise_unsupported("truncate"); }
Value iobase_fileno(Value, const Value*, size_t, Tuple*) { return raise_unsupported("fileno"); }

Value iobase_tell(Value self, const Value*, size_t, Tuple*) {
  return call_m(self, "seek", {Value::small(0), Value::small(1)});
}

Value iobase_flush(Value self, const Value*, size_t, Tuple*) {
  if (iobase_is_closed(self)) return raise_closed();
  return none();
}

Value iobase_close(Value self, const Value*, size_t, Tuple*) {
  if (iobase_is_closed(self)) return none();
  Value r = call_m(self, "flush");
  if (IOBase* o = iob(self)) o->iobase_closed = true;
  if (!r) return {};
  return none();
}

Value iobase_false(Value, const Value*, size_t, Tuple*) { return py_bool(false); }

Value iobase_check_closed(Value self, const Value*, size_t, Tuple*) {
  if (!check_closed(self)) return {};
  return none();
}
Value iobase_check_readable(Value self, const Value*, size_t, Tuple*) {
  if (!check_readable(self)) return {};
  return py_bool(true);
}
Value iobase_check_writable(Value self, const Value*, size_t, Tuple*) {
  if (!check_writable(self)) return {};
  return py_bool(true);
}
Value iobase_check_seekable(Value self, const Value*, size_t, Tuple*) {
  if (!check_seekable(self)) return {};
  return py_bool(true);
}

Value iobase_isatty(Value self, const Value*, size_t, Tuple*) {
  if (!check_closed(self)) return {};
  return py_bool(false);
}

Value iobase_enter(Value self, const Value*, size_t, Tuple*) {
  if (!check_closed(self)) return {};
  return self;
}

Value iobase_exit(Value self, const Value*, size_t, Tuple*) { return call_m(self, "close"); }

Value iobase_iter(Value self) {
  if (!check_closed(self)) return {};
  return self;
}

Value iobase_next(Value self) {
  Value line = call_m(self, "readline");
  if (!line) return {};
  int64_t n = length(line);
  if (n < 0) return {};
  if (n == 0) return {};
  return line;
}

Value iobase_readline(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readline", nargs, 0, 1)) return {};
  int64_t limit = -1;
  if (nargs && !size_arg(args[0], &limit)) return {};
  static Str* const kPeek = intern("peek");
  Value peek = get_attr_or_null(self, kPeek);
  if (has_error()) return {};
  std::string res;
  while (limit < 0 || int64_t(res.size()) < limit) {
    int64_t nreadahead = 1;
    if (peek) {
      Value one = Value::small(1);
      Value ahead = call(peek, &one, 1);
      if (!ahead) return {};
      if (!is_bytes(ahead)) {
        return raisef(exc::OSError, "peek() should have returned a bytes object, not '%s'",
                      type_name(ahead).c_str());
      }
      std::string_view a = ahead.as<Bytes>()->view();
      if (!a.empty()) {
        int64_t n = 0;
        int64_t cap = int64_t(a.size());
        if (limit >= 0 && cap > limit - int64_t(res.size())) cap = limit - int64_t(res.size());
        while (n < cap) {
          if (a[size_t(n++)] == '\n') break;
        }
        nreadahead = n;
      }
    }
    Value b = call_m(self, "read", {int_from_i64(nreadahead)});
    if (!b) return {};
    if (!is_bytes(b)) {
      return raisef(exc::OSError, "read() should have returned a bytes object, not '%s'",
                    type_name(b).c_str());
    }
    std::string_view bv = b.as<Bytes>()->view();
    if (bv.empty()) break;
    res.append(bv);
    if (res.back() == '\n') break;
  }
  return bytes_from(res);
}

Value iobase_readlines(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("readlines", nargs, 0, 1)) return {};
  int64_t hint = -1;
  if (nargs && !size_arg(args[0], &hint)) return {};
  List* result = list_new();
  if (hint <= 0) {
    if (!list_extend(result, self)) return {};
    return result;
  }
  Value it = get_iter(self);
  if (!it) return {};
  int64_t total = 0;
  for (;;) {
    Value line = iter_next(it);
    if (!line) {
      if (has_error()) return {};
      break;
    }
    if (!list_append(result, line)) return {};
    int64_t n = length(line);
    if (n < 0) return {};
    total += n;
    if (total >= hint) break;
  }
  return result;
}

Value iobase_writelines(Value self, const Value* args, size_t, Tuple*) {
  if (!check_closed(self)) return {};
  Value it = get_iter(args[0]);
  if (!it) return {};
  for (;;) {
    Value line = iter_next(it);
    if (!line) {
      if (has_error()) return {};
      break;
    }
    if (!call_m(self, "write", {line})) return {};
  }
  return none();
}

Value iobase_del(Value self, const Value*, size_t, Tuple*) {
  io_finalize(self);
  return none();
}

Value iobase_get_closed(Value self) { return py_bool(iobase_is_closed(self)); }
Value iobase_get_dict(Value self) { return instance_dict(self); }

const MethodDef kIOBaseMethods[] = {
    {"seek", iobase_seek, MethodFlag::kVarArgs},
    {"tell", iobase_tell, MethodFlag::kNoArgs},
    {"truncate", iobase_truncate, MethodFlag::kVarArgs},
    {"flush", iobase_flush, MethodFlag::kNoArgs},
    {"close", iobase_close, MethodFlag::kNoArgs},
    {"seekable", iobase_false, MethodFlag::kNoArgs},
    {"readable", iobase_false, MethodFlag::kNoArgs},
    {"writable", iobase_false, MethodFlag::kNoArgs},
    {"_checkClosed", iobase_check_closed, MethodFlag::kVarArgs},
    {"_checkSeekable", iobase_check_seekable, MethodFlag::kVarArgs},
    {"_checkReadable", iobase_check_readable, MethodFlag::kVarArgs},
    {"_checkWritable", iobase_check_writable, MethodFlag::kVarArgs},
    {"fileno", iobase_fileno, MethodFlag::kNoArgs},
    {"isatty", iobase_isatty, MethodFlag::kNoArgs},
    {"__enter__", iobase_enter, MethodFlag::kNoArgs},
    {"__exit__", iobase_exit, MethodFlag::kVarArgs},
    {"readline", iobase_readline, MethodFlag::kVarArgs},
    {"readlines", iobase_readlines, MethodFlag::kVarArgs},
    {"writelines", iobase_writelines, MethodFlag::kOneArg},
    {"__del__", iobase_del, MethodFlag::kNoArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kIOBaseGetSets[] = {
    {"__dict__", iobase_get_dict},
    {"closed", iobase_get_closed},
    {nullptr, nullptr},
};

// ---- _RawIOBase -----------------------------------------------------------------------------

Value rawiobase_read(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("read", nargs, 0, 1)) return {};
  int64_t n = -1;
  if (nargs && !arg_ssize(args[0], &n)) return {};
  if (n < 0) return call_m(self, "readall");
  ByteArray* b = bytearray_new(nullptr, 0);
  if (!bytearray_resize(b, n)) return {};
  if (n) std::memset(b->data(), 0, size_t(n));
  Value r = call_m(self, "readinto", {b});
  if (!r) return {};
  if (is_none(r)) return r;
  int64_t got;
  if (!arg_ssize(r, &got)) return {};
  if (got < 0 || got > n) return raisef(exc::ValueError, "readinto returned %lld outside buffer size %lld",
                                      (long long)got, (long long)n);
  return bytes_from(b->data(), size_t(got));
}

Value rawiobase_readall(Value self, const Value*, size_t, Tuple*) {
  std::string all;
  bool any = false;
  for (;;) {
    Value data = call_m(self, "read", {Value::small(kDefaultBufferSize)});
    if (!data) return {};
    if (is_none(data)) {
      if (!any) return data;
      break;
    }
    if (!is_bytes(data)) return raise(exc::TypeError, "read() should return bytes");
    std::string_view v = data.as<Bytes>()->view();
    if (v.empty()) break;
    any = true;
    all.append(v);
  }
  return bytes_from(all);
}

Value rawiobase_not_implemented(Value, const Value*, size_t, Tuple*) {
  set_error(new_exception(exc::NotImplementedError, nullptr, 0).object());
  return {};
}

const MethodDef kRawIOBaseMethods[] = {
    {"read", rawiobase_read, MethodFlag::kVarArgs},
    {"readall", rawiobase_readall, MethodFlag::kNoArgs},
    {"readinto", rawiobase_not_implemented, MethodFlag::kVarArgs},
    {"write", rawiobase_not_implemented, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

// ---- _BufferedIOBase --------------------------------------------------------------------------

Value bufferediobase_detach(Value, const Value*, size_t, Tuple*) { return raise_unsupported("detach"); }
Value bufferediobase_read(Value, const Value*, size_t, Tuple*) { return raise_unsupported("read"); }
Value bufferediobase_read1(Value, const Value*, size_t, Tuple*) { return raise_unsupported("read1"); }
Value bufferediobase_write(Value, const Value*, size_t, Tuple*) { return raise_unsupported("write"); }

Value readinto_generic(Value self, Value buffer, const char* method, const char* fname) {
  uint8_t* data;
  int64_t len;
  if (!writable_buffer(buffer, fname, &data, &len)) return {};
  Value d = call_m(self, method, {int_from_i64(len)});
  if (!d) return {};
  if (!is_bytes(d)) return raise(exc::TypeError, "read() should return bytes");
  Bytes* b = d.as<Bytes>();
  if (b->length > len) {
    return raisef(exc::ValueError, "read() returned too much data: %lld bytes requested, %lld returned",
                  (long long)len, (long long)b->length);
  }
  // The buffer may have moved while read() ran.
  if (!writable_buffer(buffer, fname, &data, &len)) return {};
  std::memcpy(data, b->data(), size_t(b->length));
  return int_from_i64(b->length);
}

Value bufferediobase_readinto(Value self, const Value* args, size_t, Tuple*) {
  return readinto_generic(self, args[0], "read", "readinto");
}
Value bufferediobase_readinto1(Value self, const Value* args, size_t, Tuple*) {
  return readinto_generic(self, args[0], "read1", "readinto1");
}

const MethodDef kBufferedIOBaseMethods[] = {
    {"detach", bufferediobase_detach, MethodFlag::kNoArgs},
    {"read", bufferediobase_read, MethodFlag::kVarArgs},
    {"read1", bufferediobase_read1, MethodFlag::kVarArgs},
    {"readinto", bufferediobase_readinto, MethodFlag::kOneArg},
    {"readinto1", bufferediobase_readinto1, MethodFlag::kOneArg},
    {"write", bufferediobase_write, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

// ---- _TextIOBase ---------------------------------------------------------------------------

Value textiobase_detach(Value, const Value*, size_t, Tuple*) { return raise_unsupported("detach"); }
Value textiobase_read(Value, const Value*, size_t, Tuple*) { return raise_unsupported("read"); }
Value textiobase_readline(Value, const Value*, size_t, Tuple*) { return raise_unsupported("readline"); }
Value textiobase_write(Value, const Value*, size_t, Tuple*) { return raise_unsupported("write"); }
Value textiobase_none(Value) { return none(); }

const MethodDef kTextIOBaseMethods[] = {
    {"detach", textiobase_detach, MethodFlag::kNoArgs},
    {"read", textiobase_read, MethodFlag::kVarArgs},
    {"readline", textiobase_readline, MethodFlag::kVarArgs},
    {"write", textiobase_write, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};
const GetSetDef kTextIOBaseGetSets[] = {
    {"encoding", textiobase_none},
    {"newlines", textiobase_none},
    {"errors", textiobase_none},
    {nullptr, nullptr},
};

}  // namespace

void make_base_types() {
  {
    TypeSpec spec = io_type_spec("_IOBase", nullptr, sizeof(IOBase), trace_iobase);
    spec.slots.new_ = iobase_new;
    spec.slots.iter = iobase_iter;
    spec.slots.next = iobase_next;
    spec.methods = kIOBaseMethods;
    spec.getsets = kIOBaseGetSets;
    spec.doc = "The abstract base class for all I/O classes.";
    make_builtin_type(&g_iobase, spec);
  }
  {
    TypeSpec spec = io_type_spec("_RawIOBase", g_iobase, sizeof(IOBase), trace_iobase);
    spec.methods = kRawIOBaseMethods;
    spec.doc = "Base class for raw binary I/O.";
    make_builtin_type(&g_rawiobase, spec);
  }
  {
    TypeSpec spec = io_type_spec("_BufferedIOBase", g_iobase, sizeof(IOBase), trace_iobase);
    spec.methods = kBufferedIOBaseMethods;
    spec.doc = "Base class for buffered IO objects.";
    make_builtin_type(&g_bufferediobase, spec);
  }
  {
    TypeSpec spec = io_type_spec("_TextIOBase", g_iobase, sizeof(IOBase), trace_iobase);
    spec.methods = kTextIOBaseMethods;
    spec.getsets = kTextIOBaseGetSets;
    spec.doc = "Base class for text I/O.";
    make_builtin_type(&g_textiobase, spec);
  }
  // io.UnsupportedOperation(OSError, ValueError), named as CPython names it.
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("io"));
  Value bases = tuple_of({Value(exc::OSError), Value(exc::ValueError)});
  Value t = type_new(types::type, intern("UnsupportedOperation"), bases, d, nullptr, nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make io.UnsupportedOperation\n");
    std::abort();
  }
  g_unsupported_operation = t.as<Type>();
  gc::add_root(reinterpret_cast<void**>(&g_unsupported_operation));
}

// ---- open() ---------------------------------------------------------------------------------

Value io_open(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"file", "mode", "buffering", "encoding", "errors",
                                       "newline", "closefd", "opener", nullptr};
  Value file, mode_v, buffering_v, encoding, errors, newline, closefd_v, opener;
  ArgSpec spec{"open", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames,
                  {&file, &mode_v, &buffering_v, &encoding, &errors, &newline, &closefd_v, &opener}))
    return {};
  std::string mode = "r";
  if (mode_v) {
    if (!is_str(mode_v)) {
      return raisef(exc::TypeError, "open() argument 'mode' must be str, not %s", type_name(mode_v).c_str());
    }
    mode = str_to_utf8(mode_v.as<Str>());
  }
  int64_t buffering = -1;
  if (buffering_v && !arg_ssize(buffering_v, &buffering)) return {};
  for (Value* v : {&encoding, &errors, &newline}) {
    if (*v && is_none(*v)) *v = Value();
  }
  const char* which[] = {"encoding", "errors", "newline"};
  int k = 0;
  for (Value v : {encoding, errors, newline}) {
    if (v && !is_str(v)) {
      return raisef(exc::TypeError, "open() argument '%s' must be str or None, not %s", which[k],
                    type_name(v).c_str());
    }
    k++;
  }
  bool closefd = true;
  if (closefd_v) {
    int t = truth(closefd_v);
    if (t < 0) return {};
    closefd = t;
  }
  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
  for (size_t i = 0; i < mode.size(); i++) {
    char c = mode[i];
    bool ok = std::strchr("xrwa+tb", c) != nullptr && c != 0 && mode.find(c, i + 1) == std::string::npos;
    if (!ok) return raisef(exc::ValueError, "invalid mode: '%s'", mode.c_str());
    switch (c) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
    }
  }
  std::string rawmode;
  if (creating) rawmode += 'x';
  if (reading) rawmode += 'r';
  if (writing) rawmode += 'w';
  if (appending) rawmode += 'a';
  if (updating) rawmode += '+';
  if (text && binary) return raise(exc::ValueError, "can't have text and binary mode at once");
  if (int(creating) + int(reading) + int(writing) + int(appending) > 1) {
    return raise(exc::ValueError, "must have exactly one of create/read/write/append mode");
  }
  if (binary && encoding) return raise(exc::ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors) return raise(exc::ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline) return raise(exc::ValueError, "binary mode doesn't take a newline argument");
  if (binary && buffering == 1) {
    static Str* const kWarnings = intern("warnings");
    Value w = import_module_level(kWarnings, none(), tuple_empty(), 0);
    if (w) {
      Value msg = str_from_ascii(
          "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used");
      if (!call_m(w, "warn", {msg, exc::RuntimeWarning, Value::small(2)})) return {};
    } else {
      clear_error();
    }
  }
  Value raw_args[4] = {file, str_from_ascii(rawmode), py_bool(closefd), opener ? opener : none()};
  Value raw = type_call(g_fileio, raw_args, 4, nullptr);
  if (!raw) return {};
  Value result = raw;
  auto fail = [&]() -> Value {
    Object* e = take_error();
    if (!call_m(result, "close")) clear_error();
    set_error(e);
    return {};
  };
  bool line_buffering = false;
  bool isatty = false;
  if (buffering == 1 || buffering < 0) {
    Value t = call_m(raw, "isatty");
    if (!t) return fail();
    int ti = truth(t);
    if (ti < 0) return fail();
    isatty = ti;
  }
  if (buffering == 1 || (buffering < 0 && isatty)) {
    buffering = -1;
    line_buffering = true;
  }
  if (buffering < 0) {
    buffering = kDefaultBufferSize;
    if (type_of(raw) == g_fileio && raw.as<FileIO>()->blksize > 1) buffering = raw.as<FileIO>()->blksize;
  }
  if (buffering == 0) {
    if (binary) return result;
    return fail(), raise(exc::ValueError, "can't have unbuffered text I/O");
  }
  Type* buffer_type = updating ? g_buffered_random
                      : (creating || writing || appending) ? g_buffered_writer
                                                           : g_buffered_reader;
  Value bargs[2] = {raw, int_from_i64(buffering)};
  Value buffer = type_call(buffer_type, bargs, 2, nullptr);
  if (!buffer) return fail();
  result = buffer;
  if (binary) return result;
  Value targs[5] = {buffer, encoding ? encoding : none(), errors ? errors : none(),
                    newline ? newline : none(), py_bool(line_buffering)};
  Value wrapper = type_call(g_textiowrapper, targs, 5, nullptr);
  if (!wrapper) return fail();
  result = wrapper;
  static Str* const kMode = intern("mode");
  if (!set_attr(wrapper, kMode, mode_v ? mode_v : Value(str_from_ascii("r")))) return fail();
  return result;
}

namespace {

Value io_open_code(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", nullptr};
  Value path;
  ArgSpec spec{"open_code", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&path})) return {};
  if (!is_str(path)) {
    return raisef(exc::TypeError, "open_code() argument 'path' must be str, not %s", type_name(path).c_str());
  }
  Value a[2] = {path, str_from_ascii("rb")};
  return io_open(self, a, 2, nullptr);
}

Value io_text_encoding(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("text_encoding", nargs, 1, 2)) return {};
  if (nargs == 2) {
    int level;
    if (!arg_int(args[1], &level)) return {};
  }
  if (!is_none(args[0])) return args[0];
  return intern("locale");
}

}  // namespace

const MethodDef kIOFunctions[] = {
    {"open", io_open, MethodFlag::kVarArgs | MethodFlag::kKeywords, "Open file and return a stream."},
    {"open_code", io_open_code, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Opens the provided file with the intent to import the contents."},
    {"text_encoding", io_text_encoding, MethodFlag::kVarArgs,
     "A helper function to choose the text encoding."},
    {nullptr, nullptr, 0},
};

}  // namespace pyrite::python::io

namespace pyrite::python {

Module* make_io_module() {
  using namespace io;
  if (!g_iobase) {
    make_base_types();
    make_bytes_types();
    make_file_type();
    make_buffered_types();
    make_text_types();
  }
  Module* m = module_new(intern("_io"));
  auto set = [&](const char* name, Value v) { dict_set_str(m->dict, intern(name), v); };
  for (const MethodDef* def = kIOFunctions; def->name; def++)
    set(def->name, new_builtin_function(def, m, intern("_io")));
  set("DEFAULT_BUFFER_SIZE", Value::small(kDefaultBufferSize));
  set("UnsupportedOperation", g_unsupported_operation);
  set("BlockingIOError", exc::BlockingIOError);
  set("_IOBase", g_iobase);
  set("_RawIOBase", g_rawiobase);
  set("_BufferedIOBase", g_bufferediobase);
  set("_TextIOBase", g_textiobase);
  set("FileIO", g_fileio);
  set("BytesIO", g_bytesio);
  set("StringIO", g_stringio);
  set("BufferedReader", g_buffered_reader);
  set("BufferedWriter", g_buffered_writer);
  set("BufferedRandom", g_buffered_random);
  set("BufferedRWPair", g_buffered_rwpair);
  set("TextIOWrapper", g_textiowrapper);
  set("IncrementalNewlineDecoder", g_nldecoder);
  return m;
}

}  // namespace pyrite::python
