// The errno module: Linux's error numbers by name and errorcode, the
// reverse map (docs/modules.md, "errno").
#include <cerrno>

#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/module.h"
#include "python/objects/str.h"

namespace pyrite::python {

namespace {

struct ErrnoName {
  const char* name;
  int value;
  // False for the aliases that do not name their number in errorcode
  // (EAGAIN, EDEADLOCK and ENOTSUP do, as in CPython's Linux build).
  bool in_errorcode;
};

// clang-format off
const ErrnoName kNames[] = {
    {"E2BIG", E2BIG, true}, {"EACCES", EACCES, true}, {"EADDRINUSE", EADDRINUSE, true},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL, true}, {"EADV", EADV, true},
    {"EAFNOSUPPORT", EAFNOSUPPORT, true}, {"EAGAIN", EAGAIN, true}, {"EALREADY", EALREADY, true},
    {"EBADE", EBADE, true}, {"EBADF", EBADF, true}, {"EBADFD", EBADFD, true},
    {"EBADMSG", EBADMSG, true}, {"EBADR", EBADR, true}, {"EBADRQC", EBADRQC, true},
    {"EBADSLT", EBADSLT, true}, {"EBFONT", EBFONT, true}, {"EBUSY", EBUSY, true},
    {"ECANCELED", ECANCELED, true}, {"ECHILD", ECHILD, true}, {"ECHRNG", ECHRNG, true},
    {"ECOMM", ECOMM, true}, {"ECONNABORTED", ECONNABORTED, true},
    {"ECONNREFUSED", ECONNREFUSED, true}, {"ECONNRESET", ECONNRESET, true},
    {"EDEADLK", EDEADLK, false}, {"EDEADLOCK", EDEADLOCK, true},
    {"EDESTADDRREQ", EDESTADDRREQ, true}, {"EDOM", EDOM, true}, {"EDOTDOT", EDOTDOT, true},
    {"EDQUOT", EDQUOT, true}, {"EEXIST", EEXIST, true}, {"EFAULT", EFAULT, true},
    {"EFBIG", EFBIG, true}, {"EHOSTDOWN", EHOSTDOWN, true}, {"EHOSTUNREACH", EHOSTUNREACH, true},
    {"EIDRM", EIDRM, true}, {"EILSEQ", EILSEQ, true}, {"EINPROGRESS", EINPROGRESS, true},
    {"EINTR", EINTR, true}, {"EINVAL", EINVAL, true}, {"EIO", EIO, true},
    {"EISCONN", EISCONN, true}, {"EISDIR", EISDIR, true}, {"EISNAM", EISNAM, true},
    {"EKEYEXPIRED", EKEYEXPIRED, true}, {"EKEYREJECTED", EKEYREJECTED, true},
    {"EKEYREVOKED", EKEYREVOKED, true}, {"EL2HLT", EL2HLT, true}, {"EL2NSYNC", EL2NSYNC, true},
    {"EL3HLT", EL3HLT, true}, {"EL3RST", EL3RST, true}, {"ELIBACC", ELIBACC, true},
    {"ELIBBAD", ELIBBAD, true}, {"ELIBEXEC", ELIBEXEC, true}, {"ELIBMAX", ELIBMAX, true},
    {"ELIBSCN", ELIBSCN, true}, {"ELNRNG", ELNRNG, true}, {"ELOOP", ELOOP, true},
    {"EMEDIUMTYPE", EMEDIUMTYPE, true}, {"EMFILE", EMFILE, true}, {"EMLINK", EMLINK, true},
    {"EMSGSIZE", EMSGSIZE, true}, {"EMULTIHOP", EMULTIHOP, true},
    {"ENAMETOOLONG", ENAMETOOLONG, true}, {"ENAVAIL", ENAVAIL, true}, {"ENETDOWN", ENETDOWN, true},
    {"ENETRESET", ENETRESET, true}, {"ENETUNREACH", ENETUNREACH, true}, {"ENFILE", ENFILE, true},
    {"ENOANO", ENOANO, true}, {"ENOBUFS", ENOBUFS, true}, {"ENOCSI", ENOCSI, true},
    {"ENODATA", ENODATA, true}, {"ENODEV", ENODEV, true}, {"ENOENT", ENOENT, true},
    {"ENOEXEC", ENOEXEC, true}, {"ENOKEY", ENOKEY, true}, {"ENOLCK", ENOLCK, true},
    {"ENOLINK", ENOLINK, true}, {"ENOMEDIUM", ENOMEDIUM, true}, {"ENOMEM", ENOMEM, true},
    {"ENOMSG", ENOMSG, true}, {"ENONET", ENONET, true}, {"ENOPKG", ENOPKG, true},
    {"ENOPROTOOPT", ENOPROTOOPT, true}, {"ENOSPC", ENOSPC, true}, {"ENOSR", ENOSR, true},
    {"ENOSTR", ENOSTR, true}, {"ENOSYS", ENOSYS, true}, {"ENOTBLK", ENOTBLK, true},
    {"ENOTCONN", ENOTCONN, true}, {"ENOTDIR", ENOTDIR, true}, {"ENOTEMPTY", ENOTEMPTY, true},
    {"ENOTNAM", ENOTNAM, true}, {"ENOTRECOVERABLE", ENOTRECOVERABLE, true},
    {"ENOTSOCK", ENOTSOCK, true}, {"ENOTSUP", ENOTSUP, true}, {"ENOTTY", ENOTTY, true},
    {"ENOTUNIQ", ENOTUNIQ, true}, {"ENXIO", ENXIO, true}, {"EOPNOTSUPP", EOPNOTSUPP, false},
    {"EOVERFLOW", EOVERFLOW, true}, {"EOWNERDEAD", EOWNERDEAD, true}, {"EPERM", EPERM, true},
    {"EPFNOSUPPORT", EPFNOSUPPORT, true}, {"EPIPE", EPIPE, true}, {"EPROTO", EPROTO, true},
    {"EPROTONOSUPPORT", EPROTONOSUPPORT, true}, {"EPROTOTYPE", EPROTOTYPE, true},
    {"ERANGE", ERANGE, true}, {"EREMCHG", EREMCHG, true}, {"EREMOTE", EREMOTE, true},
    {"EREMOTEIO", EREMOTEIO, true}, {"ERESTART", ERESTART, true}, {"ERFKILL", ERFKILL, true},
    {"EROFS", EROFS, true}, {"ESHUTDOWN", ESHUTDOWN, true},
    {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT, true}, {"ESPIPE", ESPIPE, true}, {"ESRCH", ESRCH, true},
    {"ESRMNT", ESRMNT, true}, {"ESTALE", ESTALE, true}, {"ESTRPIPE", ESTRPIPE, true},
    {"ETIME", ETIME, true}, {"ETIMEDOUT", ETIMEDOUT, true}, {"ETOOMANYREFS", ETOOMANYREFS, true},
    {"ETXTBSY", ETXTBSY, true}, {"EUCLEAN", EUCLEAN, true}, {"EUNATCH", EUNATCH, true},
    {"EUSERS", EUSERS, true}, {"EWOULDBLOCK", EWOULDBLOCK, false}, {"EXDEV", EXDEV, true},
    {"EXFULL", EXFULL, true},
};
// clang-format on

}  // namespace

Module* make_errno_module() {
  Module* m = module_new(intern("errno"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Symbolic names for the system's error numbers (errno.ENOENT is 2 on "
                             "Linux).\n\nerrorcode maps each number back to its name; "
                             "os.strerror() gives the message."));
  Dict* errorcode = dict_new();
  dict_set_str(m->dict, intern("errorcode"), errorcode);
  for (const ErrnoName& e : kNames) {
    Str* name = intern(e.name);
    dict_set_str(m->dict, name, Value::small(e.value));
    if (e.in_errorcode && !dict_set(errorcode, Value::small(e.value), name)) return nullptr;
  }
  return m;
}

}  // namespace pyrite::python
