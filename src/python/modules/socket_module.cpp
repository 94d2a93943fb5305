// The _socket module: the socket type for AF_UNIX, AF_INET and AF_INET6
// (stream and datagram), name resolution through getaddrinfo, the address
// conversion functions and the constants socket.py and asyncio read, with
// CPython 3.11's messages (docs/modules_net.md, "_socket").
//
// A socket's timeout is CPython's three-way state: -1 blocking, 0
// non-blocking, > 0 a timeout in nanoseconds. With a timeout the descriptor
// is non-blocking underneath and every operation first polls for readiness
// with the time left of one deadline (TimeoutError "timed out"), then
// retries on EWOULDBLOCK; EINTR runs the Python signal handlers and retries
// (PEP 475). Not implemented: sendmsg_afalg, sethostname, other families
// (AF_PACKET, AF_NETLINK...), which are absent (AttributeError) rather
// than half-made.
#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gmp.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "gc/heap.h"
#include "python/interp/pyrun.h"
#include "python/modules/posix_module.h"
#include "python/modules/timeout_arg.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
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

using posix::raise_errno;

Type* g_socket = nullptr;
Type* g_herror = nullptr;
Type* g_gaierror = nullptr;
int64_t g_default_timeout = -1;  // setdefaulttimeout(): ns, -1 none

struct SocketObject : Object {
  int fd;
  int family, kind, proto;  // kind: the socket type (SOCK_STREAM...)
  int64_t timeout;  // ns; -1 blocking, 0 non-blocking
};

SocketObject* sock(Value v) { return v.as<SocketObject>(); }

void trace_socket(void* p, gc::Visitor& v) { v.visit(static_cast<SocketObject*>(p)->type); }

// A socket nobody closed closes its descriptor when collected.
void finalize_socket(void* p) {
  auto* s = static_cast<SocketObject*>(p);
  if (s->fd >= 0) {
    close(s->fd);
    s->fd = -1;
  }
}

// PyArg_ParseTuple's count check and messages ("recv() takes at least 1
// argument (0 given)"), which the socket functions' formats produce.
bool arg_count(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t n = min == max ? min : nargs < min ? min : max;
  raisef(exc::TypeError, "%s() takes %s %zu argument%s (%zu given)", fname,
         min == max ? "exactly" : nargs < min ? "at least" : "at most", n, n == 1 ? "" : "s", nargs);
  return false;
}

Value raise_gai(int code) {
  if (code == EAI_SYSTEM) return raise_errno(errno);
  return raise_object(g_gaierror, tuple_of({Value::small(code), str_from_utf8(gai_strerror(code))}));
}

Value timed_out() { return raise(exc::TimeoutError, "timed out"); }

bool set_blocking(int fd, bool blocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  int want = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  return want == flags || fcntl(fd, F_SETFL, want) == 0;
}

// ---- the wait-and-retry loop (CPython's sock_call_ex) -------------------------------------------

// Waits until the socket is ready for `events`: until deadline_ns on the
// monotonic clock (TimeoutError "timed out" after it), or forever when it
// is negative. False with the error raised.
bool wait_fd(SocketObject* s, short events, int64_t deadline_ns) {
  for (;;) {
    int ms = -1;
    if (deadline_ns >= 0) {
      int64_t left = deadline_ns - timeouts::monotonic_ns();
      if (left <= 0) {
        timed_out();
        return false;
      }
      ms = timeouts::ns_to_ms_ceil(left);
    }
    struct pollfd p = {s->fd, events, 0};
    int n = poll(&p, 1, ms);
    if (n > 0) return true;
    if (n == 0) continue;  // the deadline check above ends it
    if (errno != EINTR) {
      raise_errno(errno);
      return false;
    }
    if (!run_signal_handlers()) return false;
  }
}

// Runs op() until it succeeds (returns >= 0) or fails for good. With a
// timeout, waits for `events` first; `deadline_ns` shared by sendall's
// rounds (-1: one of its own). Returns op's result, or -1 with the error raised.
template <typename Op>
ssize_t sock_call(SocketObject* s, short events, Op op, int64_t deadline_ns = -1) {
  bool timed = s->timeout > 0;
  if (timed && deadline_ns < 0) deadline_ns = timeouts::monotonic_ns() + s->timeout;
  bool wait_first = timed;
  for (;;) {
    if (wait_first && !wait_fd(s, events, deadline_ns)) return -1;
    ssize_t r = op();
    if (r >= 0) return r;
    if (errno == EINTR) {
      if (!run_signal_handlers()) return -1;
      wait_first = false;
      continue;
    }
    if (timed && (errno == EWOULDBLOCK || errno == EAGAIN)) {
      wait_first = true;
      continue;
    }
    raise_errno(errno);
    return -1;
  }
}

bool check_open(SocketObject* s) {
  if (s->fd >= 0) return true;
  raise_errno(EBADF);
  return false;
}

// ---- addresses ------------------------------------------------------------------------------------

// A host argument as bytes: str (IDNA for non-ASCII), bytes or bytearray.
bool host_converter(Value v, std::string* out) {
  if (is_str(v)) {
    std::string u = str_to_utf8(v.as<Str>());
    bool ascii = true;
    for (unsigned char c : u) ascii &= c < 0x80;
    if (ascii) {
      *out = u;
    } else {
      static Str* encode = intern("encode");
      Value arg = intern("idna");
      Value b = call_method(v, encode, &arg, 1);
      if (!b) return false;
      out->assign(b.as<Bytes>()->view());
    }
  } else if (is_bytes(v) || is_bytearray(v)) {
    BufferView view;
    if (!get_buffer(v, &view)) return false;
    out->assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
  } else {
    raisef(exc::TypeError, "str, bytes or bytearray expected, not %s", type_name(v).c_str());
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::TypeError, "host name must not contain null character");
    return false;
  }
  return true;
}

// CPython's setipaddr: '' is the wildcard address, '<broadcast>' the
// broadcast one, numbers are parsed, names resolved (first answer).
bool resolve_host(const std::string& name, int af, struct sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  if (name.empty()) {
    struct addrinfo hints = {}, *res;
    hints.ai_family = af;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_PASSIVE;
    int err = getaddrinfo(nullptr, "0", &hints, &res);
    if (err) {
      raise_gai(err);
      return false;
    }
    std::memcpy(out, res->ai_addr, res->ai_addrlen);
    *len = res->ai_addrlen;
    freeaddrinfo(res);
    return true;
  }
  if (name == "<broadcast>" || name == "255.255.255.255") {
    if (af != AF_INET && af != AF_UNSPEC) {
      raise(exc::OSError, "address family mismatched");
      return false;
    }
    auto* sin = reinterpret_cast<struct sockaddr_in*>(out);
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = INADDR_BROADCAST;
    *len = sizeof(*sin);
    return true;
  }
  if (af == AF_INET || af == AF_UNSPEC) {
    auto* sin = reinterpret_cast<struct sockaddr_in*>(out);
    if (inet_pton(AF_INET, name.c_str(), &sin->sin_addr) == 1) {
      sin->sin_family = AF_INET;
      *len = sizeof(*sin);
      return true;
    }
  }
  if (af == AF_INET6 || af == AF_UNSPEC) {
    auto* sin6 = reinterpret_cast<struct sockaddr_in6*>(out);
    if (inet_pton(AF_INET6, name.c_str(), &sin6->sin6_addr) == 1) {
      sin6->sin6_family = AF_INET6;
      *len = sizeof(*sin6);
      return true;
    }
  }
  struct addrinfo hints = {}, *res;
  hints.ai_family = af;
  int err = getaddrinfo(name.c_str(), nullptr, &hints, &res);
  if (err) {
    raise_gai(err);
    return false;
  }
  std::memcpy(out, res->ai_addr, res->ai_addrlen);
  *len = res->ai_addrlen;
  freeaddrinfo(res);
  return true;
}

bool port_arg(Value v, const char* caller, int* out) {
  int port;
  if (!arg_int(v, &port)) {
    if (error_matches(exc::OverflowError)) {
      clear_error();
      raisef(exc::OverflowError, "%s(): port must be 0-65535.", caller);
    }
    return false;
  }
  if (port < 0 || port > 0xffff) {
    raisef(exc::OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  *out = port;
  return true;
}

// CPython's getsockaddrarg: a Python address for `family` as a sockaddr.
bool sockaddr_arg(int family, Value addr, const char* caller, struct sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof(*out));
  switch (family) {
    case AF_UNIX: {
      std::string path;
      if (is_str(addr)) {
        if (!posix::fs_converter(addr, &path)) return false;
      } else {
        BufferView view;
        if (!get_buffer(addr, &view)) {
          if (!has_error())
            raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(addr).c_str());
          return false;
        }
        path.assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
      }
      auto* sun = reinterpret_cast<struct sockaddr_un*>(out);
      // An abstract name (leading NUL) has no terminator of its own.
      bool abstract = !path.empty() && path[0] == '\0';
      if (path.size() + (abstract ? 0 : 1) > sizeof(sun->sun_path)) {
        raise(exc::OSError, "AF_UNIX path too long");
        return false;
      }
      sun->sun_family = AF_UNIX;
      std::memcpy(sun->sun_path, path.data(), path.size());
      *len = socklen_t(offsetof(struct sockaddr_un, sun_path) + path.size() + (abstract ? 0 : 1));
      return true;
    }
    case AF_INET:
    case AF_INET6: {
      const char* fam = family == AF_INET ? "AF_INET" : "AF_INET6";
      if (!is_tuple(addr)) {
        raisef(exc::TypeError, "%s(): %s address must be tuple, not %s", caller, fam, type_name(addr).c_str());
        return false;
      }
      Tuple* t = addr.as<Tuple>();
      bool ok_len = family == AF_INET ? t->length == 2 : t->length >= 2 && t->length <= 4;
      if (!ok_len) {
        if (family == AF_INET)
          raise(exc::TypeError, "AF_INET address must be a pair (host, port)");
        else
          raise(exc::TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return false;
      }
      std::string host;
      if (!host_converter(t->at(0), &host)) return false;
      int port;
      if (!arg_int(t->at(1), &port)) return false;
      if (port < 0 || port > 0xffff) {
        raisef(exc::OverflowError, "%s(): port must be 0-65535.", caller);
        return false;
      }
      if (!resolve_host(host, family, out, len)) return false;
      if (family == AF_INET) {
        reinterpret_cast<struct sockaddr_in*>(out)->sin_port = htons(uint16_t(port));
        return true;
      }
      auto* sin6 = reinterpret_cast<struct sockaddr_in6*>(out);
      sin6->sin6_port = htons(uint16_t(port));
      uint32_t fields[2] = {0, 0};
      for (int i = 0; i < 2 && 2 + i < t->length; i++) {
        Value v = index(t->at(2 + i));
        if (!v) return false;
        auto n = int_to_i64(v);
        if (!n || *n < 0 || *n > 0xffffffffLL) {
          raisef(exc::OverflowError, "%s(): %s must be 0-%u.", caller, i == 0 ? "flowinfo" : "scope_id",
                 i == 0 ? 0xfffffu : 0xffffffffu);
          return false;
        }
        fields[i] = uint32_t(*n);
      }
      if (fields[0] > 0xfffff) {
        raisef(exc::OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return false;
      }
      sin6->sin6_flowinfo = htonl(fields[0]);
      sin6->sin6_scope_id = fields[1];
      return true;
    }
    default:
      raisef(exc::OSError, "%s(): bad family", caller);
      return false;
  }
}

// CPython's makesockaddr: a sockaddr as the family's Python address.
Value sockaddr_value(const struct sockaddr* sa, socklen_t len) {
  if (len == 0) return none();
  char buf[INET6_ADDRSTRLEN];
  switch (sa->sa_family) {
    case AF_INET: {
      auto* sin = reinterpret_cast<const struct sockaddr_in*>(sa);
      inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof(buf));
      return tuple_of({str_from_utf8(buf), Value::small(ntohs(sin->sin_port))});
    }
    case AF_INET6: {
      auto* sin6 = reinterpret_cast<const struct sockaddr_in6*>(sa);
      inet_ntop(AF_INET6, &sin6->sin6_addr, buf, sizeof(buf));
      return tuple_of({str_from_utf8(buf), Value::small(ntohs(sin6->sin6_port)),
                       int_from_u64(ntohl(sin6->sin6_flowinfo)), int_from_u64(sin6->sin6_scope_id)});
    }
    case AF_UNIX: {
      auto* sun = reinterpret_cast<const struct sockaddr_un*>(sa);
      size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
      if (n > 0 && sun->sun_path[0] == '\0') return bytes_from(sun->sun_path, n);
      return posix::fs_decode(sun->sun_path, strnlen(sun->sun_path, n), false);
    }
    default:
      return tuple_of({Value::small(sa->sa_family), bytes_from(sa->sa_data, sizeof(sa->sa_data))});
  }
}

// ---- the socket type --------------------------------------------------------------------------

Value socket_new(Type* t, const Value*, size_t, Tuple*) {
  auto* s = static_cast<SocketObject*>(alloc_instance(t));
  if (!s) return {};
  s->fd = -1;
  s->family = AF_INET;
  s->kind = SOCK_STREAM;
  s->proto = 0;
  s->timeout = -1;
  gc::Heap::current()->register_finalizer(s);
  return s;
}

bool init_socket(SocketObject* s, int fd, int family, int type, int proto) {
  s->fd = fd;
  s->family = family;
  s->kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (type & SOCK_NONBLOCK) {
    s->timeout = 0;
  } else {
    s->timeout = g_default_timeout;
    if (s->timeout >= 0 && !set_blocking(fd, false)) {
      raise_errno(errno);
      return false;
    }
  }
  return true;
}

bool socket_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"family", "type", "proto", "fileno", nullptr};
  Value fam_arg, type_arg, proto_arg, fileno_arg;
  if (!parse_args({"socket", kNames, 0, 0, -1, true}, args, nargs, kwnames,
                  {&fam_arg, &type_arg, &proto_arg, &fileno_arg}))
    return false;
  int family = -1, type = -1, proto = -1;
  if ((fam_arg && !arg_int(fam_arg, &family)) || (type_arg && !arg_int(type_arg, &type)) ||
      (proto_arg && !arg_int(proto_arg, &proto)))
    return false;
  int fd;
  if (fileno_arg && !is_none(fileno_arg)) {
    if (is_float(fileno_arg)) {
      raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
      return false;
    }
    int64_t n;
    if (!index_i64(fileno_arg, &n)) return false;
    if (n < 0) {
      raise(exc::ValueError, "negative file descriptor");
      return false;
    }
    if (n > 0x7fffffff) {
      raise(exc::OverflowError, "file descriptor out of range");
      return false;
    }
    fd = int(n);
    struct {
      int* field;
      int opt;
    } probes[] = {{&family, SO_DOMAIN}, {&type, SO_TYPE}, {&proto, SO_PROTOCOL}};
    for (auto& p : probes) {
      if (*p.field != -1) continue;
      socklen_t len = sizeof(int);
      if (getsockopt(fd, SOL_SOCKET, p.opt, p.field, &len) < 0) {
        raise_errno(errno);
        return false;
      }
    }
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) {
      raise_errno(errno);
      return false;
    }
  }
  if (!init_socket(sock(self), fd, family, type, proto)) {
    if (!fileno_arg || is_none(fileno_arg)) close(fd);
    return false;
  }
  return true;
}

Value socket_repr(Value self) {
  SocketObject* s = sock(self);
  return str_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family, s->kind, s->proto);
}

Value socket_fileno(Value self, const Value*, size_t, Tuple*) { return Value::small(sock(self)->fd); }

Value socket_close(Value self, const Value*, size_t, Tuple*) {
  SocketObject* s = sock(self);
  if (s->fd >= 0) {
    int fd = s->fd;
    s->fd = -1;
    // ECONNRESET: the peer went away; the descriptor is closed all the same.
    if (close(fd) < 0 && errno != ECONNRESET) return raise_errno(errno);
  }
  return none();
}

Value socket_detach(Value self, const Value*, size_t, Tuple*) {
  SocketObject* s = sock(self);
  int fd = s->fd;
  s->fd = -1;
  return Value::small(fd);
}

Value socket_bind(Value self, const Value* args, size_t, Tuple*) {
  SocketObject* s = sock(self);
  struct sockaddr_storage sa;
  socklen_t len;
  if (!sockaddr_arg(s->family, args[0], "bind", &sa, &len)) return {};
  if (bind(s->fd, reinterpret_cast<struct sockaddr*>(&sa), len) < 0) return raise_errno(errno);
  return none();
}

Value socket_listen(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("listen", nargs, 0, 1)) return {};
  int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (nargs && !arg_int(args[0], &backlog)) return {};
  if (backlog < 0) backlog = 0;
  if (listen(sock(self)->fd, backlog) < 0) return raise_errno(errno);
  return none();
}

Value socket_accept(Value self, const Value*, size_t, Tuple*) {
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  struct sockaddr_storage sa = {};
  socklen_t len = sizeof(sa);
  ssize_t fd = sock_call(s, POLLIN, [&] {
    len = sizeof(sa);
    return ssize_t(accept4(s->fd, reinterpret_cast<struct sockaddr*>(&sa), &len, SOCK_CLOEXEC));
  });
  if (fd < 0) return {};
  Value addr = sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
  if (!addr) {
    close(int(fd));
    return {};
  }
  return tuple_of({Value::small(fd), addr});
}

// connect and connect_ex: CPython's internal_connect. A blocking connect
// interrupted by a signal, or one with a timeout, finishes by waiting for
// writability and reading SO_ERROR.
int do_connect(SocketObject* s, Value addr, const char* caller, bool* raised) {
  *raised = true;
  struct sockaddr_storage sa;
  socklen_t len;
  if (!sockaddr_arg(s->family, addr, caller, &sa, &len)) return -1;
  *raised = false;
  int r = connect(s->fd, reinterpret_cast<struct sockaddr*>(&sa), len);
  if (r == 0) return 0;
  int err = errno;
  bool wait;
  if (err == EINTR) {
    if (!run_signal_handlers()) {
      *raised = true;
      return -1;
    }
    wait = s->timeout != 0;
  } else {
    wait = s->timeout > 0 && err == EINPROGRESS;
  }
  if (!wait) return err;
  *raised = true;
  int64_t deadline = s->timeout > 0 ? timeouts::monotonic_ns() + s->timeout : -1;
  if (!wait_fd(s, POLLOUT, deadline)) return -1;
  *raised = false;
  socklen_t elen = sizeof(err);
  if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0) return errno;
  return err == EISCONN ? 0 : err;
}

Value socket_connect(Value self, const Value* args, size_t, Tuple*) {
  bool raised;
  int err = do_connect(sock(self), args[0], "connect", &raised);
  if (raised) return {};
  if (err) return raise_errno(err);
  return none();
}

Value socket_connect_ex(Value self, const Value* args, size_t, Tuple*) {
  bool raised;
  int err = do_connect(sock(self), args[0], "connect_ex", &raised);
  if (raised) return {};
  return Value::small(err);
}

Value socket_recv(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("recv", nargs, 1, 2)) return {};
  int64_t n;
  int flags = 0;
  if (!arg_ssize(args[0], &n) || (nargs == 2 && !arg_int(args[1], &flags))) return {};
  if (n < 0) return raise(exc::ValueError, "negative buffersize in recv");
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  std::string buf(size_t(n), '\0');
  ssize_t r = sock_call(s, POLLIN, [&] { return recv(s->fd, buf.data(), size_t(n), flags); });
  if (r < 0) return {};
  return bytes_from(buf.data(), size_t(r));
}

bool writable_buffer(Value v, BufferView* view) {
  if (!get_buffer(v, view)) {
    if (!has_error()) raisef(exc::TypeError, "recv_into() argument 'buffer' must be read-write bytes-like object, not %s", type_name(v).c_str());
    return false;
  }
  if (view->readonly) {
    raisef(exc::TypeError, "recv_into() argument 'buffer' must be read-write bytes-like object, not %s", type_name(v).c_str());
    return false;
  }
  return true;
}

Value socket_recv_into(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"buffer", "nbytes", "flags", nullptr};
  Value buf_arg, n_arg, flags_arg;
  if (!parse_args({"recv_into", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&buf_arg, &n_arg, &flags_arg}))
    return {};
  BufferView view;
  if (!writable_buffer(buf_arg, &view)) return {};
  int64_t n = 0;
  int flags = 0;
  if ((n_arg && !arg_ssize(n_arg, &n)) || (flags_arg && !arg_int(flags_arg, &flags))) return {};
  if (n < 0) return raise(exc::ValueError, "negative buffersize in recv_into");
  if (n == 0) n = view.length;
  if (n > view.length) return raise(exc::ValueError, "buffer too small for requested bytes");
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  auto* p = const_cast<uint8_t*>(view.data);
  ssize_t r = sock_call(s, POLLIN, [&] { return recv(s->fd, p, size_t(n), flags); });
  if (r < 0) return {};
  return int_from_i64(r);
}

Value socket_recvfrom(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("recvfrom", nargs, 1, 2)) return {};
  int64_t n;
  int flags = 0;
  if (!arg_ssize(args[0], &n) || (nargs == 2 && !arg_int(args[1], &flags))) return {};
  if (n < 0) return raise(exc::ValueError, "negative buffersize in recvfrom");
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  std::string buf(size_t(n), '\0');
  struct sockaddr_storage sa = {};
  socklen_t len = 0;
  ssize_t r = sock_call(s, POLLIN, [&] {
    len = sizeof(sa);
    return recvfrom(s->fd, buf.data(), size_t(n), flags, reinterpret_cast<struct sockaddr*>(&sa), &len);
  });
  if (r < 0) return {};
  Value addr = sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
  if (!addr) return {};
  return tuple_of({bytes_from(buf.data(), size_t(r)), addr});
}

Value socket_recvfrom_into(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"buffer", "nbytes", "flags", nullptr};
  Value buf_arg, n_arg, flags_arg;
  if (!parse_args({"recvfrom_into", kNames, 1, 0, -1, true}, args, nargs, kwnames,
                  {&buf_arg, &n_arg, &flags_arg}))
    return {};
  BufferView view;
  if (!writable_buffer(buf_arg, &view)) return {};
  int64_t n = 0;
  int flags = 0;
  if ((n_arg && !arg_ssize(n_arg, &n)) || (flags_arg && !arg_int(flags_arg, &flags))) return {};
  if (n < 0) return raise(exc::ValueError, "negative buffersize in recvfrom_into");
  if (n == 0) n = view.length;
  if (n > view.length) return raise(exc::ValueError, "nbytes is greater than the length of the buffer");
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  struct sockaddr_storage sa = {};
  socklen_t len = 0;
  auto* p = const_cast<uint8_t*>(view.data);
  ssize_t r = sock_call(s, POLLIN, [&] {
    len = sizeof(sa);
    return recvfrom(s->fd, p, size_t(n), flags, reinterpret_cast<struct sockaddr*>(&sa), &len);
  });
  if (r < 0) return {};
  Value addr = sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
  if (!addr) return {};
  return tuple_of({int_from_i64(r), addr});
}

bool data_arg(Value v, BufferView* view) {
  if (get_buffer(v, view)) return true;
  if (!has_error()) raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
  return false;
}

Value socket_send(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("send", nargs, 1, 2)) return {};
  BufferView view;
  int flags = 0;
  if (!data_arg(args[0], &view) || (nargs == 2 && !arg_int(args[1], &flags))) return {};
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  ssize_t r = sock_call(s, POLLOUT, [&] { return send(s->fd, view.data, size_t(view.length), flags | MSG_NOSIGNAL); });
  if (r < 0) return {};
  return int_from_i64(r);
}

Value socket_sendall(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("sendall", nargs, 1, 2)) return {};
  BufferView view;
  int flags = 0;
  if (!data_arg(args[0], &view) || (nargs == 2 && !arg_int(args[1], &flags))) return {};
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  int64_t deadline = s->timeout > 0 ? timeouts::monotonic_ns() + s->timeout : -1;
  int64_t done = 0;
  while (done < view.length) {
    ssize_t r = sock_call(
        s, POLLOUT,
        [&] { return send(s->fd, view.data + done, size_t(view.length - done), flags | MSG_NOSIGNAL); },
        deadline);
    if (r < 0) return {};
    done += r;
    if (!run_signal_handlers()) return {};
  }
  return none();
}

Value socket_sendto(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 2 || nargs > 3)
    return raisef(exc::TypeError, "sendto() takes 2 or 3 arguments (%zu given)", nargs);
  BufferView view;
  int flags = 0;
  if (!data_arg(args[0], &view) || (nargs == 3 && !arg_int(args[1], &flags))) return {};
  SocketObject* s = sock(self);
  if (!check_open(s)) return {};
  struct sockaddr_storage sa;
  socklen_t len;
  if (!sockaddr_arg(s->family, args[nargs - 1], "sendto", &sa, &len)) return {};
  ssize_t r = sock_call(s, POLLOUT, [&] {
    return sendto(s->fd, view.data, size_t(view.length), flags | MSG_NOSIGNAL,
                  reinterpret_cast<struct sockaddr*>(&sa), len);
  });
  if (r < 0) return {};
  return int_from_i64(r);
}

// ---- sendmsg / recvmsg ----------------------------------------------------------------------
// Ancillary data is a list of (level, type, data) triples, one per control
// message (SCM_RIGHTS carries descriptors as native ints).

Value ancillary_list(struct msghdr* msg) {
  List* out = list_new();
  if (msg->msg_controllen < sizeof(struct cmsghdr)) return out;
  for (struct cmsghdr* c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
    auto* base = static_cast<char*>(msg->msg_control);
    size_t end = size_t(reinterpret_cast<char*>(c) - base) + c->cmsg_len;
    size_t avail = end > msg->msg_controllen ? msg->msg_controllen : end;
    size_t start = size_t(reinterpret_cast<char*>(CMSG_DATA(c)) - base);
    size_t n = avail > start ? avail - start : 0;
    Tuple* t = tuple_of({Value::small(c->cmsg_level), Value::small(c->cmsg_type), bytes_from(CMSG_DATA(c), n)});
    if (!t || !list_append(out, t)) return {};
  }
  return out;
}

// recvmsg and recvmsg_into: the receive itself, into iov.
Value recvmsg_common(SocketObject* s, struct iovec* iov, size_t niov, int64_t ancbufsize, int flags, Value first) {
  if (!check_open(s)) return {};
  std::string control(size_t(ancbufsize), '\0');
  struct sockaddr_storage sa = {};
  struct msghdr msg = {};
  ssize_t r = sock_call(s, POLLIN, [&] {
    msg = {};
    msg.msg_name = &sa;
    msg.msg_namelen = sizeof(sa);
    msg.msg_iov = iov;
    msg.msg_iovlen = niov;
    msg.msg_control = ancbufsize ? control.data() : nullptr;
    msg.msg_controllen = size_t(ancbufsize);
    return recvmsg(s->fd, &msg, flags);
  });
  if (r < 0) return {};
  Value anc = ancillary_list(&msg);
  Value addr = anc ? sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), msg.msg_namelen) : Value();
  if (!addr) return {};
  return tuple_of({first ? first : int_from_i64(r), anc, Value::small(msg.msg_flags), addr});
}

bool ancbufsize_arg(const Value* args, size_t nargs, size_t at, int64_t* anc, int* flags) {
  *anc = 0;
  *flags = 0;
  if (nargs > at && !arg_ssize(args[at], anc)) return false;
  if (nargs > at + 1 && !arg_int(args[at + 1], flags)) return false;
  if (*anc < 0 || *anc > 0x7fffffff) {
    raise(exc::ValueError, "invalid ancillary data buffer length");
    return false;
  }
  return true;
}

Value socket_recvmsg(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("recvmsg", nargs, 1, 3)) return {};
  int64_t n, anc;
  int flags;
  if (!arg_ssize(args[0], &n)) return {};
  if (n < 0) return raise(exc::ValueError, "negative buffer size in recvmsg()");
  if (!ancbufsize_arg(args, nargs, 1, &anc, &flags)) return {};
  std::string buf(size_t(n), '\0');
  struct iovec iov = {buf.data(), size_t(n)};
  Value r = recvmsg_common(sock(self), &iov, 1, anc, flags, Value());
  if (!r) return {};
  // The data: as many bytes as were received.
  Tuple* t = r.as<Tuple>();
  auto got = int_to_i64(t->at(0));
  t->items()[0] = bytes_from(buf.data(), size_t(got.value_or(0)));
  return t;
}

Value socket_recvmsg_into(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("recvmsg_into", nargs, 1, 3)) return {};
  Value it = get_iter(args[0]);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raise(exc::TypeError, "recvmsg_into() argument 1 must be an iterable");
    }
    return {};
  }
  Tuple* items = tuple_from_iterable(it);
  if (!items) return {};
  std::vector<struct iovec> iov;
  for (int64_t i = 0; i < items->length; i++) {
    BufferView view;
    if (!get_buffer(items->at(i), &view) || view.readonly) {
      clear_error();
      return raise(exc::TypeError,
                   "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers");
    }
    iov.push_back({const_cast<uint8_t*>(view.data), size_t(view.length)});
  }
  int64_t anc;
  int flags;
  if (!ancbufsize_arg(args, nargs, 1, &anc, &flags)) return {};
  return recvmsg_common(sock(self), iov.data(), iov.size(), anc, flags, Value());
}

Value socket_sendmsg(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("sendmsg", nargs, 1, 4)) return {};
  SocketObject* s = sock(self);
  Value it = get_iter(args[0]);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raise(exc::TypeError, "sendmsg() argument 1 must be an iterable");
    }
    return {};
  }
  Tuple* bufs = tuple_from_iterable(it);
  if (!bufs) return {};
  std::vector<struct iovec> iov;
  for (int64_t i = 0; i < bufs->length; i++) {
    BufferView view;
    if (!data_arg(bufs->at(i), &view)) return {};
    iov.push_back({const_cast<uint8_t*>(view.data), size_t(view.length)});
  }
  std::string control;
  if (nargs > 1) {
    Value ait = get_iter(args[1]);
    if (!ait) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        raise(exc::TypeError, "sendmsg() argument 2 must be an iterable");
      }
      return {};
    }
    Tuple* items = tuple_from_iterable(ait);
    if (!items) return {};
    for (int64_t i = 0; i < items->length; i++) {
      Value item = items->at(i);
      Tuple* triple = sequence_fast(item, "");
      if (!triple) {
        clear_error();
        return raisef(exc::TypeError,
                      "[sendmsg() ancillary data items]() argument must be 3-item sequence, not %s",
                      type_name(item).c_str());
      }
      if (triple->length != 3)
        return raisef(exc::TypeError,
                      "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %lld",
                      static_cast<long long>(triple->length));
      int level, type;
      BufferView data;
      if (!arg_int(triple->at(0), &level) || !arg_int(triple->at(1), &type) || !data_arg(triple->at(2), &data))
        return {};
      size_t at = control.size();
      control.resize(at + CMSG_SPACE(size_t(data.length)), '\0');
      auto* c = reinterpret_cast<struct cmsghdr*>(control.data() + at);
      c->cmsg_level = level;
      c->cmsg_type = type;
      c->cmsg_len = CMSG_LEN(size_t(data.length));
      std::memcpy(CMSG_DATA(c), data.data, size_t(data.length));
    }
  }
  int flags = 0;
  if (nargs > 2 && !arg_int(args[2], &flags)) return {};
  struct sockaddr_storage sa;
  socklen_t salen = 0;
  if (nargs > 3 && !is_none(args[3]) && !sockaddr_arg(s->family, args[3], "sendmsg", &sa, &salen)) return {};
  if (!check_open(s)) return {};
  ssize_t r = sock_call(s, POLLOUT, [&] {
    struct msghdr msg = {};
    msg.msg_name = salen ? &sa : nullptr;
    msg.msg_namelen = salen;
    msg.msg_iov = iov.data();
    msg.msg_iovlen = iov.size();
    msg.msg_control = control.empty() ? nullptr : control.data();
    msg.msg_controllen = control.size();
    return sendmsg(s->fd, &msg, flags | MSG_NOSIGNAL);
  });
  if (r < 0) return {};
  return int_from_i64(r);
}

Value socket_shutdown(Value self, const Value* args, size_t, Tuple*) {
  int how;
  if (!arg_int(args[0], &how)) return {};
  if (shutdown(sock(self)->fd, how) < 0) return raise_errno(errno);
  return none();
}

Value socket_getsockname(Value self, const Value*, size_t, Tuple*) {
  struct sockaddr_storage sa = {};
  socklen_t len = sizeof(sa);
  if (getsockname(sock(self)->fd, reinterpret_cast<struct sockaddr*>(&sa), &len) < 0) return raise_errno(errno);
  return sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
}

Value socket_getpeername(Value self, const Value*, size_t, Tuple*) {
  struct sockaddr_storage sa = {};
  socklen_t len = sizeof(sa);
  if (getpeername(sock(self)->fd, reinterpret_cast<struct sockaddr*>(&sa), &len) < 0) return raise_errno(errno);
  return sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
}

Value socket_setsockopt(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 3 && nargs != 4)
    return raisef(exc::TypeError, "setsockopt() takes exactly %d arguments (%zu given)", nargs < 3 ? 3 : 4, nargs);
  int level, opt;
  if (!arg_int(args[0], &level) || !arg_int(args[1], &opt)) return {};
  int r;
  if (nargs == 4) {
    if (!is_none(args[2])) return raise(exc::TypeError, "setsockopt() argument 3 must be None when 4 arguments are given");
    unsigned optlen;
    int64_t n;
    if (!index_i64(args[3], &n)) return {};
    optlen = unsigned(n);
    r = setsockopt(sock(self)->fd, level, opt, nullptr, optlen);
  } else if (is_int(args[2])) {
    int v;
    if (!arg_int(args[2], &v)) return {};
    r = setsockopt(sock(self)->fd, level, opt, &v, sizeof(v));
  } else {
    BufferView view;
    if (!get_buffer(args[2], &view)) {
      if (!has_error())
        raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(args[2]).c_str());
      return {};
    }
    r = setsockopt(sock(self)->fd, level, opt, view.data, socklen_t(view.length));
  }
  if (r < 0) return raise_errno(errno);
  return none();
}

Value socket_getsockopt(Value self, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("getsockopt", nargs, 2, 3)) return {};
  int level, opt, buflen = 0;
  if (!arg_int(args[0], &level) || !arg_int(args[1], &opt) || (nargs == 3 && !arg_int(args[2], &buflen)))
    return {};
  if (buflen == 0) {
    int v = 0;
    socklen_t len = sizeof(v);
    if (getsockopt(sock(self)->fd, level, opt, &v, &len) < 0) return raise_errno(errno);
    return Value::small(v);
  }
  if (buflen <= 0 || buflen > 1024) return raise(exc::OSError, "getsockopt buflen out of range");
  std::string buf(size_t(buflen), '\0');
  socklen_t len = socklen_t(buflen);
  if (getsockopt(sock(self)->fd, level, opt, buf.data(), &len) < 0) return raise_errno(errno);
  return bytes_from(buf.data(), len);
}

// settimeout's argument: None (-1), or non-negative seconds.
bool timeout_arg(Value v, int64_t* out) {
  if (is_none(v)) {
    *out = -1;
    return true;
  }
  if (!timeouts::seconds_to_ns(v, out)) return false;
  if (*out < 0) {
    raise(exc::ValueError, "Timeout value out of range");
    return false;
  }
  return true;
}

Value timeout_value(int64_t ns) { return ns < 0 ? none() : float_new(double(ns) / 1e9); }

Value socket_settimeout(Value self, const Value* args, size_t, Tuple*) {
  SocketObject* s = sock(self);
  int64_t t;
  if (!timeout_arg(args[0], &t)) return {};
  s->timeout = t;
  // A closed or detached socket (fd -1) is EBADF, as CPython's
  // internal_setblocking; the timeout is set all the same.
  if (!set_blocking(s->fd, t < 0)) return raise_errno(errno);
  return none();
}

Value socket_gettimeout(Value self, const Value*, size_t, Tuple*) { return timeout_value(sock(self)->timeout); }
Value socket_timeout_get(Value self) { return timeout_value(sock(self)->timeout); }

Value socket_setblocking(Value self, const Value* args, size_t, Tuple*) {
  int b = truth(args[0]);
  if (b < 0) return {};
  SocketObject* s = sock(self);
  s->timeout = b ? -1 : 0;
  if (!set_blocking(s->fd, b)) return raise_errno(errno);
  return none();
}

Value socket_getblocking(Value self, const Value*, size_t, Tuple*) { return py_bool(sock(self)->timeout != 0); }

Value socket_family_get(Value self) { return Value::small(sock(self)->family); }
Value socket_type_get(Value self) { return Value::small(sock(self)->kind); }
Value socket_proto_get(Value self) { return Value::small(sock(self)->proto); }

constexpr uint32_t kVar = MethodFlag::kVarArgs;
constexpr uint32_t kKw = MethodFlag::kVarArgs | MethodFlag::kKeywords;

const MethodDef kSocketMethods[] = {
    {"_accept", socket_accept, MethodFlag::kNoArgs, "_accept() -> (integer, address info)"},
    {"bind", socket_bind, MethodFlag::kOneArg, "bind(address)\n\nBind the socket to a local address."},
    {"close", socket_close, MethodFlag::kNoArgs, "close()\n\nClose the socket."},
    {"connect", socket_connect, MethodFlag::kOneArg, "connect(address)\n\nConnect the socket to a remote address."},
    {"connect_ex", socket_connect_ex, MethodFlag::kOneArg,
     "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code instead of raising."},
    {"detach", socket_detach, MethodFlag::kNoArgs, "detach()\n\nClose the socket object without closing the underlying file descriptor."},
    {"fileno", socket_fileno, MethodFlag::kNoArgs, "fileno() -> integer\n\nReturn the integer file descriptor of the socket."},
    {"getblocking", socket_getblocking, MethodFlag::kNoArgs, "getblocking()\n\nReturns True if socket is in blocking mode."},
    {"getpeername", socket_getpeername, MethodFlag::kNoArgs, "getpeername() -> address info\n\nReturn the address of the remote endpoint."},
    {"getsockname", socket_getsockname, MethodFlag::kNoArgs, "getsockname() -> address info\n\nReturn the address of the local endpoint."},
    {"getsockopt", socket_getsockopt, kVar, "getsockopt(level, option[, buffersize]) -> value"},
    {"gettimeout", socket_gettimeout, MethodFlag::kNoArgs, "gettimeout() -> timeout\n\nReturns the timeout in seconds (float)."},
    {"listen", socket_listen, kVar, "listen([backlog])\n\nEnable a server to accept connections."},
    {"recv", socket_recv, kVar, "recv(buffersize[, flags]) -> data"},
    {"recv_into", socket_recv_into, kKw, "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read"},
    {"recvfrom", socket_recvfrom, kVar, "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"recvfrom_into", socket_recvfrom_into, kKw, "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)"},
    {"send", socket_send, kVar, "send(data[, flags]) -> count"},
    {"sendall", socket_sendall, kVar, "sendall(data[, flags])"},
    {"sendto", socket_sendto, kVar, "sendto(data[, flags], address) -> count"},
    {"sendmsg", socket_sendmsg, kVar, "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count"},
    {"recvmsg", socket_recvmsg, kVar, "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)"},
    {"recvmsg_into", socket_recvmsg_into, kVar, "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)"},
    {"setblocking", socket_setblocking, MethodFlag::kOneArg, "setblocking(flag)"},
    {"setsockopt", socket_setsockopt, kVar, "setsockopt(level, option, value: int)"},
    {"settimeout", socket_settimeout, MethodFlag::kOneArg, "settimeout(timeout)"},
    {"shutdown", socket_shutdown, MethodFlag::kOneArg, "shutdown(flag)"},
    {nullptr, nullptr, 0},
};

const GetSetDef kSocketGetSets[] = {
    {"family", socket_family_get, nullptr, "the socket family"},
    {"type", socket_type_get, nullptr, "the socket type"},
    {"proto", socket_proto_get, nullptr, "the socket protocol"},
    {"timeout", socket_timeout_get, nullptr, "the socket timeout"},
    {nullptr, nullptr},
};

// ---- module functions -------------------------------------------------------------------------

Value new_socket_object(int fd, int family, int type, int proto) {
  Value s = socket_new(g_socket, nullptr, 0, nullptr);
  if (!s) return {};
  if (!init_socket(sock(s), fd, family, type, proto)) return {};
  return s;
}

Value sock_socketpair(Value, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("socketpair", nargs, 0, 3)) return {};
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if ((nargs > 0 && !arg_int(args[0], &family)) || (nargs > 1 && !arg_int(args[1], &type)) ||
      (nargs > 2 && !arg_int(args[2], &proto)))
    return {};
  int fds[2];
  if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) return raise_errno(errno);
  Value a = new_socket_object(fds[0], family, type, proto);
  Value b = a ? new_socket_object(fds[1], family, type, proto) : Value();
  if (!b) {
    close(fds[0]);
    close(fds[1]);
    return {};
  }
  return tuple_of({a, b});
}

Value sock_getaddrinfo(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"host", "port", "family", "type", "proto", "flags", nullptr};
  Value host_arg, port_arg_v, fam_arg, type_arg, proto_arg, flags_arg;
  if (!parse_args({"getaddrinfo", kNames, 2, 0, -1, false}, args, nargs, kwnames,
                  {&host_arg, &port_arg_v, &fam_arg, &type_arg, &proto_arg, &flags_arg}))
    return {};
  std::string host, port;
  bool have_host = !is_none(host_arg), have_port = !is_none(port_arg_v);
  if (have_host) {
    if (!is_str(host_arg) && !is_bytes(host_arg))
      return raise(exc::TypeError, "getaddrinfo() argument 1 must be string or None");
    if (!host_converter(host_arg, &host)) return {};
  }
  if (have_port) {
    if (is_int(port_arg_v)) {
      int64_t p;
      if (!index_i64(port_arg_v, &p)) return {};
      port = std::to_string(p);
    } else if (is_str(port_arg_v)) {
      port = str_to_utf8(port_arg_v.as<Str>());
    } else if (is_bytes(port_arg_v)) {
      port.assign(port_arg_v.as<Bytes>()->view());
    } else {
      return raise(exc::OSError, "Int or String expected");
    }
  }
  int family = 0, type = 0, proto = 0, flags = 0;
  if ((fam_arg && !arg_int(fam_arg, &family)) || (type_arg && !arg_int(type_arg, &type)) ||
      (proto_arg && !arg_int(proto_arg, &proto)) || (flags_arg && !arg_int(flags_arg, &flags)))
    return {};
  struct addrinfo hints = {}, *res = nullptr;
  hints.ai_family = family;
  hints.ai_socktype = type;
  hints.ai_protocol = proto;
  hints.ai_flags = flags;
  int err = getaddrinfo(have_host ? host.c_str() : nullptr, have_port ? port.c_str() : nullptr, &hints, &res);
  if (err) return raise_gai(err);
  List* out = list_new();
  for (struct addrinfo* ai = res; ai; ai = ai->ai_next) {
    Value addr = sockaddr_value(ai->ai_addr, ai->ai_addrlen);
    Tuple* t = addr ? tuple_of({Value::small(ai->ai_family), Value::small(ai->ai_socktype),
                                Value::small(ai->ai_protocol),
                                str_from_utf8(ai->ai_canonname ? ai->ai_canonname : ""), addr})
                    : nullptr;
    if (!t || !list_append(out, t)) {
      freeaddrinfo(res);
      return {};
    }
  }
  freeaddrinfo(res);
  return out;
}

Value sock_gethostname(Value, const Value*, size_t, Tuple*) {
  char buf[1024];
  if (gethostname(buf, sizeof(buf) - 1) < 0) return raise_errno(errno);
  buf[sizeof(buf) - 1] = '\0';
  return posix::fs_decode(buf, strlen(buf), false);
}

Value sock_gethostbyname(Value, const Value* args, size_t, Tuple*) {
  std::string name;
  if (!posix::fs_converter(args[0], &name)) return {};
  struct sockaddr_storage sa;
  socklen_t len;
  if (!resolve_host(name, AF_INET, &sa, &len)) return {};
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &reinterpret_cast<struct sockaddr_in*>(&sa)->sin_addr, buf, sizeof(buf));
  return str_from_utf8(buf);
}

// CPython's gethost_common: (name, aliases, addresses) from a hostent, or
// herror(h_errno, hstrerror(h_errno)) when there was none.
Value hostent_value(struct hostent* h, int herr, int af) {
  if (!h) return raise_object(g_herror, tuple_of({Value::small(herr), str_from_utf8(hstrerror(herr))}));
  if (h->h_addrtype != af) return raise_errno(EAFNOSUPPORT);
  List* aliases = list_new();
  for (char** a = h->h_aliases; a && *a; a++)
    if (!list_append(aliases, str_from_utf8(*a))) return {};
  List* addrs = list_new();
  for (char** a = h->h_addr_list; a && *a; a++) {
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, *a, buf, sizeof(buf))) continue;
    if (!list_append(addrs, str_from_utf8(buf))) return {};
  }
  return tuple_of({str_from_utf8(h->h_name), aliases, addrs});
}

Value sock_gethostbyname_ex(Value, const Value* args, size_t, Tuple*) {
  std::string name;
  if (!posix::fs_converter(args[0], &name)) return {};
  struct sockaddr_storage sa;
  socklen_t len;
  if (!resolve_host(name, AF_INET, &sa, &len)) return {};
  struct hostent he, *h = nullptr;
  std::string buf(16384, '\0');
  int herr = 0;
  gethostbyname_r(name.c_str(), &he, buf.data(), buf.size(), &h, &herr);
  return hostent_value(h, herr, sa.ss_family);
}

Value sock_gethostbyaddr(Value, const Value* args, size_t, Tuple*) {
  std::string name;
  if (!host_converter(args[0], &name)) return {};
  struct sockaddr_storage sa;
  socklen_t len;
  if (!resolve_host(name, AF_UNSPEC, &sa, &len)) return {};
  int af = sa.ss_family;
  const void* addr;
  socklen_t alen;
  if (af == AF_INET6) {
    addr = &reinterpret_cast<struct sockaddr_in6*>(&sa)->sin6_addr;
    alen = sizeof(struct in6_addr);
  } else {
    addr = &reinterpret_cast<struct sockaddr_in*>(&sa)->sin_addr;
    alen = sizeof(struct in_addr);
  }
  struct hostent he, *h = nullptr;
  std::string buf(16384, '\0');
  int herr = 0;
  gethostbyaddr_r(addr, alen, af, &he, buf.data(), buf.size(), &h, &herr);
  return hostent_value(h, herr, af);
}

// getnameinfo((host, port[, flowinfo[, scope_id]]), flags): the host must
// be numeric (AI_NUMERICHOST), as in CPython.
Value sock_getnameinfo(Value, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("getnameinfo", nargs, 2, 2)) return {};
  if (!is_tuple(args[0])) return raise(exc::TypeError, "getnameinfo() argument 1 must be a tuple");
  int flags;
  if (!arg_int(args[1], &flags)) return {};
  Tuple* t = args[0].as<Tuple>();
  if (t->length < 2 || t->length > 4) return raise(exc::TypeError, "getnameinfo(): illegal sockaddr argument");
  if (!is_str(t->at(0))) {
    return raisef(exc::TypeError, "getnameinfo(): illegal sockaddr argument");
  }
  std::string host = str_to_utf8(t->at(0).as<Str>());
  int port;
  if (!arg_int(t->at(1), &port)) return {};
  uint32_t fields[2] = {0, 0};
  for (int i = 0; i < 2 && 2 + i < t->length; i++) {
    Value v = index(t->at(2 + i));
    if (!v) return {};
    auto n = int_to_i64(v);
    fields[i] = n ? uint32_t(*n) : 0;
  }
  if (fields[0] > 0xfffff) return raise(exc::OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
  std::string pbuf = std::to_string(port);
  struct addrinfo hints = {}, *res = nullptr;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  int err = getaddrinfo(host.c_str(), pbuf.c_str(), &hints, &res);
  if (err) return raise_gai(err);
  struct Free {
    struct addrinfo* r;
    ~Free() { freeaddrinfo(r); }
  } guard{res};
  if (res->ai_next) return raise(exc::OSError, "sockaddr resolved to multiple addresses");
  if (res->ai_family == AF_INET) {
    if (t->length != 2) return raise(exc::OSError, "IPv4 sockaddr must be 2 tuple");
  } else if (res->ai_family == AF_INET6) {
    auto* sin6 = reinterpret_cast<struct sockaddr_in6*>(res->ai_addr);
    sin6->sin6_flowinfo = htonl(fields[0]);
    sin6->sin6_scope_id = fields[1];
  }
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  err = getnameinfo(res->ai_addr, res->ai_addrlen, hbuf, sizeof(hbuf), sbuf, sizeof(sbuf), flags);
  if (err) return raise_gai(err);
  return tuple_of({str_from_utf8(hbuf), str_from_utf8(sbuf)});
}

Value sock_getservbyname(Value, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("getservbyname", nargs, 1, 2)) return {};
  if (!is_str(args[0]) || (nargs == 2 && !is_str(args[1])))
    return raisef(exc::TypeError, "getservbyname() argument %d must be str, not %s", is_str(args[0]) ? 2 : 1,
                  type_name(is_str(args[0]) ? args[1] : args[0]).c_str());
  std::string name = str_to_utf8(args[0].as<Str>());
  std::string proto = nargs == 2 ? str_to_utf8(args[1].as<Str>()) : "";
  struct servent* sp = getservbyname(name.c_str(), nargs == 2 ? proto.c_str() : nullptr);
  if (!sp) return raise(exc::OSError, "service/proto not found");
  return Value::small(ntohs(uint16_t(sp->s_port)));
}

Value sock_getservbyport(Value, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("getservbyport", nargs, 1, 2)) return {};
  int port;
  if (!arg_int(args[0], &port)) return {};
  if (port < 0 || port > 0xffff) return raise(exc::OverflowError, "getservbyport: port must be 0-65535.");
  std::string proto;
  if (nargs == 2) {
    if (!is_str(args[1]))
      return raisef(exc::TypeError, "getservbyport() argument 2 must be str, not %s", type_name(args[1]).c_str());
    proto = str_to_utf8(args[1].as<Str>());
  }
  struct servent* sp = getservbyport(htons(uint16_t(port)), nargs == 2 ? proto.c_str() : nullptr);
  if (!sp) return raise(exc::OSError, "port/proto not found");
  return str_from_utf8(sp->s_name);
}

Value sock_getprotobyname(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "getprotobyname() argument must be str, not %s", type_name(args[0]).c_str());
  std::string name = str_to_utf8(args[0].as<Str>());
  struct protoent* pe = getprotobyname(name.c_str());
  if (!pe) return raise(exc::OSError, "protocol not found");
  return Value::small(pe->p_proto);
}

Value sock_dup(Value, const Value* args, size_t, Tuple*) {
  int64_t fd;
  if (!index_i64(args[0], &fd)) return {};
  int r = fcntl(int(fd), F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno(errno);
  return Value::small(r);
}

Value sock_close(Value, const Value* args, size_t, Tuple*) {
  int64_t fd;
  if (!index_i64(args[0], &fd)) return {};
  if (close(int(fd)) < 0 && errno != ECONNRESET) return raise_errno(errno);
  return none();
}

Value sock_getdefaulttimeout(Value, const Value*, size_t, Tuple*) { return timeout_value(g_default_timeout); }

Value sock_setdefaulttimeout(Value, const Value* args, size_t, Tuple*) {
  int64_t t;
  if (!timeout_arg(args[0], &t)) return {};
  g_default_timeout = t;
  return none();
}

Value sock_inet_aton(Value, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "inet_aton() argument 1 must be str, not %s", type_name(args[0]).c_str());
  std::string s = str_to_utf8(args[0].as<Str>());
  struct in_addr a;
  if (s.find('\0') != std::string::npos || inet_aton(s.c_str(), &a) == 0)
    return raise(exc::OSError, "illegal IP address string passed to inet_aton");
  return bytes_from(&a, sizeof(a));
}

Value sock_inet_ntoa(Value, const Value* args, size_t, Tuple*) {
  BufferView view;
  if (!data_arg(args[0], &view)) return {};
  if (view.length != 4) return raise(exc::OSError, "packed IP wrong length for inet_ntoa");
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, view.data, buf, sizeof(buf));
  return str_from_utf8(buf);
}

Value sock_inet_pton(Value, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("inet_pton", nargs, 2, 2)) return {};
  int af;
  if (!arg_int(args[0], &af)) return {};
  if (!is_str(args[1]))
    return raisef(exc::TypeError, "inet_pton() argument 2 must be str, not %s", type_name(args[1]).c_str());
  std::string s = str_to_utf8(args[1].as<Str>());
  unsigned char buf[sizeof(struct in6_addr)];
  int r = inet_pton(af, s.c_str(), buf);
  if (r < 0) return raise_errno(errno);
  if (r == 0) return raise(exc::OSError, "illegal IP address string passed to inet_pton");
  return bytes_from(buf, af == AF_INET ? 4 : 16);
}

Value sock_inet_ntop(Value, const Value* args, size_t nargs, Tuple*) {
  if (!arg_count("inet_ntop", nargs, 2, 2)) return {};
  int af;
  BufferView view;
  if (!arg_int(args[0], &af) || !data_arg(args[1], &view)) return {};
  if (af == AF_INET) {
    if (view.length != 4) return raise(exc::ValueError, "invalid length of packed IP address string");
  } else if (af == AF_INET6) {
    if (view.length != 16) return raise(exc::ValueError, "invalid length of packed IP address string");
  } else {
    return raisef(exc::ValueError, "unknown address family %d", af);
  }
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(af, view.data, buf, sizeof(buf))) return raise_errno(errno);
  return str_from_utf8(buf);
}

// htons & co. take any int through __index__; the 16-bit ones check the
// range with CPython's messages, the 32-bit ones as PyLong_AsUnsignedLong.
Value short_conv(const char* name, Value v) {
  Value i = index(v);
  if (!i) return {};
  if (int_sign(i) < 0)
    return raisef(exc::OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
  auto n = int_to_i64(i);
  if (!n || *n > 0xffff)
    return raisef(exc::OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
  return Value::small(uint16_t(htons(uint16_t(*n))));
}

Value long_conv(Value v) {
  Value i = index(v);
  if (!i) return {};
  if (int_sign(i) < 0) return raise(exc::OverflowError, "can't convert negative value to unsigned int");
  auto n = int_to_i64(i);
  if (!n || *n > 0xffffffffLL) return raise(exc::OverflowError, "int larger than 32 bits");
  return int_from_u64(htonl(uint32_t(*n)));
}

Value sock_if_nameindex(Value, const Value*, size_t, Tuple*) {
  struct if_nameindex* ni = if_nameindex();
  if (!ni) return raise_errno(errno);
  List* out = list_new();
  for (struct if_nameindex* p = ni; p->if_index != 0; p++) {
    Tuple* t = tuple_of({int_from_u64(p->if_index), posix::fs_decode(p->if_name, strlen(p->if_name), false)});
    if (!t || !list_append(out, t)) {
      if_freenameindex(ni);
      return {};
    }
  }
  if_freenameindex(ni);
  return out;
}

Value sock_if_nametoindex(Value, const Value* args, size_t, Tuple*) {
  std::string name;
  if (!posix::fs_converter(args[0], &name)) return {};
  unsigned index = if_nametoindex(name.c_str());
  if (index == 0) return raise(exc::OSError, "no interface with this name");
  return int_from_u64(index);
}

Value sock_if_indextoname(Value, const Value* args, size_t, Tuple*) {
  if (!is_int(args[0])) return raise(exc::TypeError, "an integer is required");
  if (int_sign(args[0]) < 0) return raise(exc::OverflowError, "can't convert negative value to unsigned int");
  mpz_t scratch;
  mpz_init(scratch);
  mpz_srcptr z = int_as_mpz(args[0], scratch);
  bool fits = mpz_sizeinbase(z, 2) <= 64;
  uint64_t index = fits && mpz_size(z) ? mpz_getlimbn(z, 0) : 0;
  mpz_clear(scratch);
  if (!fits) return raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
  char name[IF_NAMESIZE + 1];
  if (!if_indextoname(unsigned(index), name)) return raise_errno(errno);
  return posix::fs_decode(name, strlen(name), false);
}

Value cmsg_size(const char* name, Value v, bool space) {
  int64_t n;
  if (!arg_ssize(v, &n)) return {};
  // The result must fit a socklen_t.
  if (n < 0 || n > int64_t(0x7fffffff) - int64_t(CMSG_SPACE(0)))
    return raisef(exc::OverflowError, "%s() argument out of range", name);
  return int_from_u64(space ? CMSG_SPACE(size_t(n)) : CMSG_LEN(size_t(n)));
}
Value sock_cmsg_len(Value, const Value* args, size_t, Tuple*) { return cmsg_size("CMSG_LEN", args[0], false); }
Value sock_cmsg_space(Value, const Value* args, size_t, Tuple*) { return cmsg_size("CMSG_SPACE", args[0], true); }

Value sock_htons(Value, const Value* args, size_t, Tuple*) { return short_conv("htons", args[0]); }
Value sock_ntohs(Value, const Value* args, size_t, Tuple*) { return short_conv("ntohs", args[0]); }
Value sock_htonl(Value, const Value* args, size_t, Tuple*) { return long_conv(args[0]); }
Value sock_ntohl(Value, const Value* args, size_t, Tuple*) { return long_conv(args[0]); }

const MethodDef kFunctions[] = {
    {"socketpair", sock_socketpair, kVar, "socketpair([family[, type [, proto]]]) -> (socket object, socket object)"},
    {"getaddrinfo", sock_getaddrinfo, kKw, "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)"},
    {"gethostname", sock_gethostname, MethodFlag::kNoArgs, "gethostname() -> string\n\nReturn the current host name."},
    {"gethostbyname", sock_gethostbyname, MethodFlag::kOneArg, "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a host."},
    {"gethostbyname_ex", sock_gethostbyname_ex, MethodFlag::kOneArg, "gethostbyname_ex(host) -> (name, aliaslist, addresslist)"},
    {"gethostbyaddr", sock_gethostbyaddr, MethodFlag::kOneArg, "gethostbyaddr(host) -> (name, aliaslist, addresslist)"},
    {"getnameinfo", sock_getnameinfo, kVar, "getnameinfo(sockaddr, flags) --> (host, port)"},
    {"getservbyname", sock_getservbyname, kVar, "getservbyname(servicename[, protocolname]) -> integer"},
    {"getservbyport", sock_getservbyport, kVar, "getservbyport(port[, protocolname]) -> string"},
    {"getprotobyname", sock_getprotobyname, MethodFlag::kOneArg, "getprotobyname(name) -> integer"},
    {"dup", sock_dup, MethodFlag::kOneArg, "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor."},
    {"close", sock_close, MethodFlag::kOneArg, "close(integer) -> None\n\nClose an integer socket file descriptor."},
    {"getdefaulttimeout", sock_getdefaulttimeout, MethodFlag::kNoArgs, "getdefaulttimeout() -> timeout"},
    {"setdefaulttimeout", sock_setdefaulttimeout, MethodFlag::kOneArg, "setdefaulttimeout(timeout)"},
    {"inet_aton", sock_inet_aton, MethodFlag::kOneArg, "Convert an IP address in string format (123.45.67.89) to the 32-bit packed binary format used in low-level network functions."},
    {"inet_ntoa", sock_inet_ntoa, MethodFlag::kOneArg, "Convert an IP address from 32-bit packed binary format to string format."},
    {"inet_pton", sock_inet_pton, kVar, "inet_pton(af, ip) -> packed IP address string"},
    {"inet_ntop", sock_inet_ntop, kVar, "inet_ntop(af, packed_ip) -> string formatted IP address"},
    {"if_nameindex", sock_if_nameindex, MethodFlag::kNoArgs, "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {"if_nametoindex", sock_if_nametoindex, MethodFlag::kOneArg, "Returns the interface index corresponding to the interface name if_name."},
    {"if_indextoname", sock_if_indextoname, MethodFlag::kOneArg, "Returns the interface name corresponding to the interface index if_index."},
    {"CMSG_LEN", sock_cmsg_len, MethodFlag::kOneArg, "CMSG_LEN(length) -> control message length"},
    {"CMSG_SPACE", sock_cmsg_space, MethodFlag::kOneArg, "CMSG_SPACE(length) -> buffer size"},
    {"htons", sock_htons, MethodFlag::kOneArg, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", sock_ntohs, MethodFlag::kOneArg, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", sock_htonl, MethodFlag::kOneArg, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", sock_ntohl, MethodFlag::kOneArg, "Convert a 32-bit integer from network to host byte order."},
    {nullptr, nullptr, 0},
};

#define PYR_SOCKET_CONSTANT(name) {#name, int64_t(name)},
const struct {
  const char* name;
  int64_t value;
} kConstants[] = {
#include "python/modules/socket_constants.inc"
};
#undef PYR_SOCKET_CONSTANT

Type* make_error_class(const char* name, Type* base) {
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("socket"));
  Value t = type_new(types::type, intern(name), tuple_of({Value(base)}), d, nullptr, nullptr);
  PYR_CHECK(t);
  return t.as<Type>();
}

void make_socket_types() {
  gc::LayoutInfo info;
  info.name = "_socket.socket";
  info.trace = trace_socket;
  info.fixed_size = sizeof(SocketObject);
  info.finalize = finalize_socket;
  TypeSpec spec;
  spec.name = "socket";
  spec.module = "_socket";
  spec.layout = gc::register_layout(info);
  spec.instance_size = sizeof(SocketObject);
  spec.flags = TypeFlag::kBaseType;
  spec.trace = trace_socket;
  spec.slots.new_ = socket_new;
  spec.slots.init = socket_init;
  spec.slots.repr = socket_repr;
  spec.methods = kSocketMethods;
  spec.getsets = kSocketGetSets;
  spec.doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n"
             "socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\n"
             "Open a socket of the given type.";
  make_builtin_type(&g_socket, spec);
  g_herror = make_error_class("herror", exc::OSError);
  gc::add_root(reinterpret_cast<void**>(&g_herror));
  g_gaierror = make_error_class("gaierror", exc::OSError);
  gc::add_root(reinterpret_cast<void**>(&g_gaierror));
}

}  // namespace

Module* make_socket_module() {
  if (!g_socket) make_socket_types();
  Module* m = module_new(intern("_socket"));
  dict_set_str(m->dict, intern("__doc__"), str_from_utf8("Implementation module for socket operations.\n\n"
                                                         "See the socket module for documentation."));
  dict_set_str(m->dict, intern("socket"), g_socket);
  dict_set_str(m->dict, intern("SocketType"), g_socket);
  dict_set_str(m->dict, intern("error"), exc::OSError);
  dict_set_str(m->dict, intern("timeout"), exc::TimeoutError);
  dict_set_str(m->dict, intern("herror"), g_herror);
  dict_set_str(m->dict, intern("gaierror"), g_gaierror);
  dict_set_str(m->dict, intern("has_ipv6"), py_bool(true));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("_socket")));
  for (const auto& c : kConstants) dict_set_str(m->dict, intern(c.name), int_from_i64(c.value));
  return m;
}

}  // namespace pyrite::python
