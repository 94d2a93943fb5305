// The select module: select(), poll objects and epoll objects over the
// Linux calls, with CPython 3.11's argument checks and messages
// (docs/modules_net.md, "select").
//
// Every wait restarts after EINTR with the time that is left, once the
// Python signal handlers have run (PEP 475); a handler's exception ends the
// wait. A poll object keeps its registrations in a dict, so poll() reports
// descriptors in registration order as CPython's does.
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <vector>

#include "gc/heap.h"
#include "python/interp/pyrun.h"
#include "python/modules/posix_module.h"
#include "python/modules/timeout_arg.h"
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

using posix::file_descriptor;
using posix::raise_errno;

// Remaining time of a wait with a deadline; negative deadline: no limit.
struct Deadline {
  int64_t end = -1;
  bool forever() const { return end < 0; }
  static Deadline after(int64_t ns) { return {ns < 0 ? -1 : timeouts::monotonic_ns() + ns}; }
  int64_t left() const {
    int64_t l = end - timeouts::monotonic_ns();
    return l < 0 ? 0 : l;
  }
};

// ---- select() -------------------------------------------------------------------------------

// One of select()'s three lists: the objects and their descriptors.
struct FdList {
  Tuple* objects = nullptr;
  std::vector<int> fds;
};

bool read_fd_list(Value seq, FdList* out, fd_set* set, int* maxfd) {
  out->objects = sequence_fast(seq, "arguments 1-3 must be sequences");
  if (!out->objects) return false;
  FD_ZERO(set);
  for (int64_t i = 0; i < out->objects->length; i++) {
    int fd;
    if (!file_descriptor(out->objects->at(i), &fd)) return false;
    if (fd >= FD_SETSIZE) {
      raise(exc::ValueError, "filedescriptor out of range in select()");
      return false;
    }
    out->fds.push_back(fd);
    FD_SET(fd, set);
    if (fd > *maxfd) *maxfd = fd;
  }
  return true;
}

List* ready_objects(const FdList& l, fd_set* set) {
  List* r = list_new();
  for (size_t i = 0; i < l.fds.size(); i++)
    if (FD_ISSET(l.fds[i], set) && !list_append(r, l.objects->at(int64_t(i)))) return nullptr;
  return r;
}

Value select_select(Value, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("select", nargs, 3, 4)) return {};
  int64_t timeout_ns = -1;
  if (nargs == 4 && !is_none(args[3])) {
    if (!timeouts::seconds_to_ns(args[3], &timeout_ns)) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        raise(exc::TypeError, "timeout must be a float or None");
      }
      return {};
    }
    if (timeout_ns < 0) return raise(exc::ValueError, "timeout must be non-negative");
  }
  FdList lists[3];
  fd_set sets[3], ready[3];
  int maxfd = -1;
  for (int i = 0; i < 3; i++)
    if (!read_fd_list(args[i], &lists[i], &sets[i], &maxfd)) return {};
  Deadline deadline = Deadline::after(timeout_ns);
  for (;;) {
    for (int i = 0; i < 3; i++) ready[i] = sets[i];
    struct timeval tv, *tvp = nullptr;
    if (!deadline.forever()) {
      int64_t left = deadline.left();
      tv.tv_sec = left / 1000000000;
      tv.tv_usec = (left % 1000000000 + 999) / 1000;
      if (tv.tv_usec >= 1000000) tv.tv_sec++, tv.tv_usec -= 1000000;
      tvp = &tv;
    }
    int n = select(maxfd + 1, &ready[0], &ready[1], &ready[2], tvp);
    if (n >= 0) break;
    if (errno != EINTR) return raise_errno(errno);
    if (!run_signal_handlers()) return {};
  }
  List* r = ready_objects(lists[0], &ready[0]);
  List* w = r ? ready_objects(lists[1], &ready[1]) : nullptr;
  List* x = w ? ready_objects(lists[2], &ready[2]) : nullptr;
  if (!x) return {};
  return tuple_of({r, w, x});
}

// ---- event masks --------------------------------------------------------------------------------

// Argument Clinic's unsigned_short converter (poll's event masks).
bool unsigned_short_arg(Value v, unsigned* out) {
  if (!is_int(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    raise(exc::ValueError, "value must be positive");
    return false;
  }
  auto n = int_to_i64(v);
  if (!n || *n > 0xffff) {
    raise(exc::OverflowError, "Python int too large for C unsigned short");
    return false;
  }
  *out = unsigned(*n);
  return true;
}

// The "I" converter (epoll's masks): the low 32 bits of the int's __index__.
bool unsigned_int_mask_arg(Value v, uint32_t* out) {
  Value i = index(v);
  if (!i) return false;
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(i, scratch);
  uint64_t low = mpz_size(z) ? mpz_getlimbn(z, 0) : 0;
  if (mpz_sgn(z) < 0) low = ~low + 1;
  mpz_clear(scratch);
  *out = uint32_t(low);
  return true;
}

// ---- poll objects ------------------------------------------------------------------------------

struct PollObject : Object {
  Dict* fds;     // fd -> event mask, in registration order
  bool polling;  // a poll() is running (a signal handler may call poll again)
};

Type* g_poll = nullptr;

void trace_poll(void* p, gc::Visitor& v) {
  auto* o = static_cast<PollObject*>(p);
  v.visit(o->type);
  v.visit(o->fds);
}

Value poll_new(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

Value poll_register(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("register", nargs, 1, 2)) return {};
  int fd;
  unsigned mask = POLLIN | POLLPRI | POLLOUT;
  if (!file_descriptor(args[0], &fd) || (nargs == 2 && !unsigned_short_arg(args[1], &mask))) return {};
  if (!dict_set(self.as<PollObject>()->fds, Value::small(fd), Value::small(mask))) return {};
  return none();
}

Value poll_modify(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("modify", nargs, 2, 2)) return {};
  int fd;
  unsigned mask;
  if (!file_descriptor(args[0], &fd) || !unsigned_short_arg(args[1], &mask)) return {};
  Dict* fds = self.as<PollObject>()->fds;
  Value key = Value::small(fd);
  if (!dict_get(fds, key)) {
    if (has_error()) return {};
    return raise_errno(ENOENT);
  }
  if (!dict_set(fds, key, Value::small(mask))) return {};
  return none();
}

Value poll_unregister(Value self, const Value* args, size_t, Tuple*) {
  int fd;
  if (!file_descriptor(args[0], &fd)) return {};
  int r = dict_del(self.as<PollObject>()->fds, Value::small(fd));
  if (r < 0) return {};
  if (r == 0) return raise_key_error(Value::small(fd));
  return none();
}

Value poll_poll(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!check_nargs("poll", nargs, 0, 1)) return {};
  auto* p = self.as<PollObject>();
  int64_t timeout_ns = -1;
  if (nargs == 1 && !is_none(args[0])) {
    if (!timeouts::millis_to_ns(args[0], &timeout_ns)) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        raise(exc::TypeError, "timeout must be an integer or None");
      }
      return {};
    }
    int64_t ms = timeout_ns >= 0 ? (timeout_ns + 999999) / 1000000 : -((-timeout_ns + 999999) / 1000000);
    if (ms < INT_MIN || ms > INT_MAX) return raise(exc::OverflowError, "timeout is too large");
  }
  if (p->polling) return raise(exc::RuntimeError, "concurrent poll() invocation");
  std::vector<struct pollfd> pfds;
  int64_t pos = 0;
  Value key, value;
  while (dict_next(p->fds, &pos, &key, &value))
    pfds.push_back({int(key.small_value()), short(value.small_value()), 0});
  Deadline deadline = Deadline::after(timeout_ns);
  int n;
  p->polling = true;
  for (;;) {
    int ms = deadline.forever() ? -1 : timeouts::ns_to_ms_ceil(deadline.left());
    n = poll(pfds.data(), pfds.size(), ms);
    if (n >= 0) break;
    if (errno != EINTR) {
      p->polling = false;
      return raise_errno(errno);
    }
    if (!run_signal_handlers()) {
      p->polling = false;
      return {};
    }
  }
  p->polling = false;
  List* out = list_new();
  for (const auto& e : pfds) {
    if (!e.revents) continue;
    Tuple* t = tuple_of({Value::small(e.fd), Value::small(uint16_t(e.revents))});
    if (!t || !list_append(out, t)) return {};
  }
  return out;
}

const MethodDef kPollMethods[] = {
    {"register", poll_register, MethodFlag::kVarArgs,
     "Register a file descriptor with the polling object."},
    {"modify", poll_modify, MethodFlag::kVarArgs,
     "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, MethodFlag::kOneArg,
     "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, MethodFlag::kVarArgs,
     "Polls the set of registered file descriptors."},
    {nullptr, nullptr, 0},
};

Value select_poll(Value, const Value*, size_t, Tuple*) {
  auto* p = static_cast<PollObject*>(alloc_instance(g_poll));
  if (!p) return {};
  p->polling = false;
  p->fds = dict_new();
  return p;
}

// ---- epoll objects -----------------------------------------------------------------------------

struct EpollObject : Object {
  int fd;  // -1 once closed
};

Type* g_epoll = nullptr;

void trace_epoll(void* p, gc::Visitor& v) { v.visit(static_cast<EpollObject*>(p)->type); }

Value closed_error() { return raise(exc::ValueError, "I/O operation on closed epoll object"); }

EpollObject* new_epoll(Type* t, int fd) {
  auto* e = static_cast<EpollObject*>(alloc_instance(t));
  if (e) e->fd = fd;
  return e;
}

Value epoll_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"sizehint", "flags", nullptr};
  Value size_arg, flags_arg;
  if (!parse_args({"epoll", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&size_arg, &flags_arg}))
    return {};
  int sizehint = -1, flags = 0;
  if ((size_arg && !posix::arg_cint(size_arg, &sizehint)) || (flags_arg && !posix::arg_cint(flags_arg, &flags)))
    return {};
  if (sizehint != -1 && sizehint <= 0) return raise(exc::ValueError, "negative sizehint");
  if (flags && flags != EPOLL_CLOEXEC) return raise(exc::OSError, "invalid flags");
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return raise_errno(errno);
  EpollObject* e = new_epoll(t, fd);
  if (!e) close(fd);
  return e;
}

Value epoll_fromfd(Value cls, const Value* args, size_t, Tuple*) {
  int fd;
  if (!posix::arg_cint(args[0], &fd)) return {};
  return new_epoll(cls.as<Type>(), fd);
}

Value epoll_close(Value self, const Value*, size_t, Tuple*) {
  auto* e = self.as<EpollObject>();
  if (e->fd >= 0) {
    int fd = e->fd;
    e->fd = -1;
    if (close(fd) < 0) return raise_errno(errno);
  }
  return none();
}

Value epoll_closed(Value self) { return py_bool(self.as<EpollObject>()->fd < 0); }

Value epoll_fileno(Value self, const Value*, size_t, Tuple*) {
  auto* e = self.as<EpollObject>();
  if (e->fd < 0) return closed_error();
  return Value::small(e->fd);
}

Value epoll_control(Value self, int op, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                    bool mask_required) {
  static const char* const kNames[] = {"fd", "eventmask", nullptr};
  Value fd_arg, mask_arg;
  if (!parse_args({fname, kNames, mask_required ? 2 : 1, 0, -1, true}, args, nargs, kwnames,
                  {&fd_arg, &mask_arg}))
    return {};
  int fd;
  uint32_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (!file_descriptor(fd_arg, &fd) || (mask_arg && !unsigned_int_mask_arg(mask_arg, &mask))) return {};
  auto* e = self.as<EpollObject>();
  if (e->fd < 0) return closed_error();
  struct epoll_event ev = {};
  ev.events = mask;
  ev.data.fd = fd;
  if (epoll_ctl(e->fd, op, fd, &ev) < 0) return raise_errno(errno);
  return none();
}

Value epoll_register(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_control(self, EPOLL_CTL_ADD, "register", args, nargs, kwnames, false);
}
Value epoll_modify(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return epoll_control(self, EPOLL_CTL_MOD, "modify", args, nargs, kwnames, true);
}
Value epoll_unregister(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"fd", nullptr};
  Value fd_arg;
  if (!parse_args({"unregister", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&fd_arg})) return {};
  int fd;
  if (!file_descriptor(fd_arg, &fd)) return {};
  auto* e = self.as<EpollObject>();
  if (e->fd < 0) return closed_error();
  struct epoll_event ev = {};
  if (epoll_ctl(e->fd, EPOLL_CTL_DEL, fd, &ev) < 0) return raise_errno(errno);
  return none();
}

Value epoll_poll(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"timeout", "maxevents", nullptr};
  Value timeout_arg, max_arg;
  if (!parse_args({"poll", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&timeout_arg, &max_arg}))
    return {};
  auto* e = self.as<EpollObject>();
  if (e->fd < 0) return closed_error();
  int64_t timeout_ns = -1;
  if (timeout_arg && !is_none(timeout_arg)) {
    if (!timeouts::seconds_to_ns(timeout_arg, &timeout_ns)) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        raise(exc::TypeError, "timeout must be an integer or None");
      }
      return {};
    }
  }
  int maxevents = -1;
  if (max_arg && !posix::arg_cint(max_arg, &maxevents)) return {};
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1) {
    return raisef(exc::ValueError, "maxevents must be greater than 0, got %d", maxevents);
  }
  std::vector<struct epoll_event> evs(static_cast<size_t>(maxevents));
  Deadline deadline = Deadline::after(timeout_ns);
  int n;
  for (;;) {
    int ms = deadline.forever() ? -1 : timeouts::ns_to_ms_ceil(deadline.left());
    n = epoll_wait(e->fd, evs.data(), maxevents, ms);
    if (n >= 0) break;
    if (errno != EINTR) return raise_errno(errno);
    if (!run_signal_handlers()) return {};
  }
  List* out = list_new(n);
  for (int i = 0; i < n; i++) {
    Tuple* t = tuple_of({Value::small(evs[size_t(i)].data.fd), int_from_u64(evs[size_t(i)].events)});
    if (!t || !list_append(out, t)) return {};
  }
  return out;
}

Value epoll_enter(Value self, const Value*, size_t, Tuple*) {
  if (self.as<EpollObject>()->fd < 0) return closed_error();
  return self;
}

Value epoll_exit(Value self, const Value*, size_t, Tuple*) {
  static Str* close_name = intern("close");
  return call_method(self, close_name, nullptr, 0);
}

const MethodDef kEpollMethods[] = {
    {"close", epoll_close, MethodFlag::kNoArgs, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, MethodFlag::kNoArgs, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd, MethodFlag::kOneArg | MethodFlag::kClass,
     "Create an epoll object from a given control fd."},
    {"register", epoll_register, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", epoll_modify, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Modify event mask for a registered file descriptor."},
    {"unregister", epoll_unregister, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Remove a registered file descriptor from the epoll object."},
    {"poll", epoll_poll, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Wait for events on the epoll file descriptor."},
    {"__enter__", epoll_enter, MethodFlag::kNoArgs},
    {"__exit__", epoll_exit, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

const GetSetDef kEpollGetSets[] = {
    {"closed", epoll_closed, nullptr, "True if the epoll handler is closed"},
    {nullptr, nullptr},
};

// ---- the module ----------------------------------------------------------------------------------

const MethodDef kFunctions[] = {
    {"select", select_select, MethodFlag::kVarArgs,
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, MethodFlag::kNoArgs,
     "Returns a polling object."},
    {nullptr, nullptr, 0},
};

const struct {
  const char* name;
  long value;
} kConstants[] = {
    {"PIPE_BUF", PIPE_BUF},
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM},
    {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
    {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI}, {"EPOLLERR", EPOLLERR},
    {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", long(uint32_t(EPOLLET))}, {"EPOLLONESHOT", EPOLLONESHOT},
    {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
    {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND},
    {"EPOLLMSG", EPOLLMSG}, {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
};

void make_select_types() {
  gc::LayoutInfo pinfo;
  pinfo.name = "select.poll";
  pinfo.trace = trace_poll;
  pinfo.fixed_size = sizeof(PollObject);
  TypeSpec pspec;
  pspec.name = "poll";
  pspec.module = "select";
  pspec.layout = gc::register_layout(pinfo);
  pspec.instance_size = sizeof(PollObject);
  pspec.trace = trace_poll;
  pspec.slots.new_ = poll_new;
  pspec.methods = kPollMethods;
  make_builtin_type(&g_poll, pspec);

  gc::LayoutInfo einfo;
  einfo.name = "select.epoll";
  einfo.trace = trace_epoll;
  einfo.fixed_size = sizeof(EpollObject);
  TypeSpec espec;
  espec.name = "epoll";
  espec.module = "select";
  espec.layout = gc::register_layout(einfo);
  espec.instance_size = sizeof(EpollObject);
  espec.trace = trace_epoll;
  espec.slots.new_ = epoll_new;
  espec.methods = kEpollMethods;
  espec.getsets = kEpollGetSets;
  espec.doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object";
  make_builtin_type(&g_epoll, espec);
}

}  // namespace

Module* make_select_module() {
  if (!g_poll) make_select_types();
  Module* m = module_new(intern("select"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("This module supports asynchronous I/O on multiple file descriptors.\n\n"
                             "*** IMPORTANT NOTICE ***\n"
                             "On Windows, only sockets are supported; on Unix, all file descriptors."));
  dict_set_str(m->dict, intern("error"), exc::OSError);
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("select")));
  dict_set_str(m->dict, intern("epoll"), g_epoll);
  for (const auto& c : kConstants) dict_set_str(m->dict, intern(c.name), int_from_i64(c.value));
  return m;
}

}  // namespace pyrite::python
