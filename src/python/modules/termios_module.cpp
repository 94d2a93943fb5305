// The termios module: terminal attributes (tcgetattr/tcsetattr), line
// control (tcsendbreak, tcdrain, tcflush, tcflow), window size
// (tcgetwinsize/tcsetwinsize) and the <termios.h>/<sys/ioctl.h>
// constants; docs/modules.md, "termios".
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "gc/heap.h"
#include "python/interp/pyrun.h"
#include "python/modules/posix_module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

Type* g_error = nullptr;  // termios.error

// termios.error(errno, strerror(errno)).
Value raise_termios_error(int err) {
  Value a[2] = {int_from_i64(err), str_from_utf8(std::strerror(err))};
  Value e = call(g_error, a, 2);
  if (e) set_error(e.object());
  return {};
}

bool fd_arg(Value v, int* fd) { return posix::file_descriptor(v, fd); }

bool check_nargs_exact(const char* name, size_t nargs, size_t n) {
  if (nargs == n) return true;
  raisef(exc::TypeError, "%s expected %zu argument%s, got %zu", name, n, n == 1 ? "" : "s", nargs);
  return false;
}

Value tc_getattr(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs_exact("tcgetattr", nargs, 1)) return {};
  int fd = 0;
  if (!fd_arg(args[0], &fd)) return {};
  termios mode;
  if (tcgetattr(fd, &mode) < 0) return raise_termios_error(errno);
  List* cc = list_new();
  for (int i = 0; i < NCCS; i++) {
    char ch = static_cast<char>(mode.c_cc[i]);
    list_append(cc, bytes_from(&ch, 1));
  }
  // In non-canonical mode VMIN and VTIME are counts, not characters.
  if ((mode.c_lflag & ICANON) == 0) {
    list_set(cc, VMIN, int_from_i64(mode.c_cc[VMIN]));
    list_set(cc, VTIME, int_from_i64(mode.c_cc[VTIME]));
  }
  List* out = list_new();
  for (long v : {long(mode.c_iflag), long(mode.c_oflag), long(mode.c_cflag), long(mode.c_lflag),
                 long(cfgetispeed(&mode)), long(cfgetospeed(&mode))})
    list_append(out, int_from_i64(v));
  list_append(out, cc);
  return out;
}

// A flag word: any int (its low bits), as CPython's PyLong_AsLong then a
// cast to tcflag_t.
bool flag_arg(Value v, long* out) {
  Value i = index(v);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n) {
    raise(exc::OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = long(*n);
  return true;
}

Value tc_setattr(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs_exact("tcsetattr", nargs, 3)) return {};
  int fd = 0, when = 0;
  if (!fd_arg(args[0], &fd) || !arg_int(args[1], &when)) return {};
  Value attrs = args[2];
  if (!is_list(attrs) || list_size(attrs.as<List>()) != 7) {
    return raise(exc::TypeError, "tcsetattr, arg 3: must be 7 element list");
  }
  List* l = attrs.as<List>();
  termios mode;
  if (tcgetattr(fd, &mode) < 0) return raise_termios_error(errno);
  long v[6];
  for (int k = 0; k < 6; k++) {
    Value item = list_get(l, k);
    if (!item || !flag_arg(item, &v[k])) return {};
  }
  Value cc = list_get(l, 6);
  if (!cc) return {};
  if (!is_list(cc) || list_size(cc.as<List>()) != NCCS) {
    return raisef(exc::TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
  }
  mode.c_iflag = tcflag_t(v[0]);
  mode.c_oflag = tcflag_t(v[1]);
  mode.c_cflag = tcflag_t(v[2]);
  mode.c_lflag = tcflag_t(v[3]);
  for (int i = 0; i < NCCS; i++) {
    Value c = list_get(cc.as<List>(), i);
    if (!c) return {};
    if (is_bytes(c) && c.as<Bytes>()->length == 1) {
      mode.c_cc[i] = static_cast<cc_t>(c.as<Bytes>()->data()[0]);
    } else if (is_int(c)) {
      int n = 0;
      if (!arg_int(c, &n)) return {};
      mode.c_cc[i] = static_cast<cc_t>(n);
    } else {
      return raise(exc::TypeError, "tcsetattr: elements of attributes must be characters or integers");
    }
  }
  if (cfsetispeed(&mode, speed_t(v[4])) < 0 || cfsetospeed(&mode, speed_t(v[5])) < 0) {
    return raise_termios_error(errno);
  }
  if (tcsetattr(fd, when, &mode) < 0) return raise_termios_error(errno);
  return none();
}

// The three line-control calls of one int argument.
template <int (*F)(int, int)>
Value tc_int_call(const char* name, const Value* args, size_t nargs) {
  if (!check_nargs_exact(name, nargs, 2)) return {};
  int fd = 0, arg = 0;
  if (!fd_arg(args[0], &fd) || !arg_int(args[1], &arg)) return {};
  if (F(fd, arg) < 0) return raise_termios_error(errno);
  return none();
}
Value tc_sendbreak(Value, const Value* args, size_t nargs, Tuple*) {
  return tc_int_call<tcsendbreak>("tcsendbreak", args, nargs);
}
Value tc_flush(Value, const Value* args, size_t nargs, Tuple*) { return tc_int_call<tcflush>("tcflush", args, nargs); }
Value tc_flow(Value, const Value* args, size_t nargs, Tuple*) { return tc_int_call<tcflow>("tcflow", args, nargs); }

Value tc_drain(Value, const Value* args, size_t, Tuple*) {
  int fd = 0;
  if (!fd_arg(args[0], &fd)) return {};
  if (tcdrain(fd) < 0) return raise_termios_error(errno);
  return none();
}

Value tc_getwinsize(Value, const Value* args, size_t, Tuple*) {
  int fd = 0;
  if (!fd_arg(args[0], &fd)) return {};
  winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) < 0) return raise_termios_error(errno);
  return tuple_of({int_from_i64(w.ws_row), int_from_i64(w.ws_col)});
}

Value tc_setwinsize(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs_exact("tcsetwinsize", nargs, 2)) return {};
  int fd = 0;
  if (!fd_arg(args[0], &fd)) return {};
  // PySequence_Check and PySequence_Size: a non-dict with __getitem__ and
  // two items.
  Value size = args[1];
  bool sequence = !is_dict(size) && lookup_special(size, intern("__getitem__"));
  int64_t len = sequence ? length(size) : -1;
  if (len < 0 && has_error()) clear_error();
  if (len != 2) return raise(exc::TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
  winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) < 0) return raise_termios_error(errno);
  long rc[2];
  for (int k = 0; k < 2; k++) {
    Value item = get_item(size, Value::small(k));
    if (!item) return {};
    Value i = index(item);
    if (!i) return {};
    auto v = int_to_i64(i);
    if (!v) return raise(exc::OverflowError, "Python int too large to convert to C long");
    rc[k] = long(*v);
    if (rc[k] < 0 || rc[k] > 0xffff) return raise(exc::OverflowError, "winsize value(s) out of range.");
  }
  w.ws_row = static_cast<unsigned short>(rc[0]);
  w.ws_col = static_cast<unsigned short>(rc[1]);
  if (ioctl(fd, TIOCSWINSZ, &w) < 0) return raise_termios_error(errno);
  return none();
}

const MethodDef kFunctions[] = {
    {"tcgetattr", tc_getattr, MethodFlag::kVarArgs,
     "tcgetattr(fd, /)\n--\n\n[iflag, oflag, cflag, lflag, ispeed, ospeed, cc] of the terminal fd."},
    {"tcsetattr", tc_setattr, MethodFlag::kVarArgs,
     "tcsetattr(fd, when, attributes, /)\n--\n\nSets the attributes (TCSANOW, TCSADRAIN or TCSAFLUSH)."},
    {"tcsendbreak", tc_sendbreak, MethodFlag::kVarArgs, "tcsendbreak(fd, duration, /)\n--\n\nSends a break."},
    {"tcdrain", tc_drain, MethodFlag::kOneArg, "tcdrain(fd, /)\n--\n\nWaits until the output is written."},
    {"tcflush", tc_flush, MethodFlag::kVarArgs,
     "tcflush(fd, queue, /)\n--\n\nDiscards queued data (TCIFLUSH, TCOFLUSH, TCIOFLUSH)."},
    {"tcflow", tc_flow, MethodFlag::kVarArgs,
     "tcflow(fd, action, /)\n--\n\nSuspends or resumes input or output (TCOOFF, TCOON, TCIOFF, TCION)."},
    {"tcgetwinsize", tc_getwinsize, MethodFlag::kOneArg, "tcgetwinsize(fd, /)\n--\n\nThe (rows, columns) of fd."},
    {"tcsetwinsize", tc_setwinsize, MethodFlag::kVarArgs,
     "tcsetwinsize(fd, winsize, /)\n--\n\nSets the (rows, columns) of fd."},
    {nullptr, nullptr, 0},
};

// Linux spells the switch character VSWTC; the module offers VSWTCH.
#if defined(VSWTC) && !defined(VSWTCH)
#define VSWTCH VSWTC
#endif
#define PYR_TERMIOS_CONSTANT(name) {#name, static_cast<long long>(name)},
const struct {
  const char* name;
  long long value;
} kConstants[] = {
#include "python/modules/termios_constants.def"
};
#undef PYR_TERMIOS_CONSTANT

Type* make_error_class() {
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("termios"));
  Value t = type_new(types::type, intern("error"), tuple_of({Value(exc::Exception)}), d, nullptr, nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make termios.error\n");
    std::abort();
  }
  return t.as<Type>();
}

}  // namespace

Module* make_termios_module() {
  if (!g_error) {
    g_error = make_error_class();
    gc::add_root(reinterpret_cast<void**>(&g_error));
  }
  Module* m = module_new(intern("termios"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_ascii("POSIX terminal control (termios(3)): attributes, line control, window size."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("termios")));
  for (const auto& c : kConstants) dict_set_str(m->dict, intern(c.name), int_from_i64(c.value));
  dict_set_str(m->dict, intern("error"), g_error);
  return m;
}

}  // namespace pyrite::python
