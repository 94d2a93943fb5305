// The resource module: resource limits (getrlimit, setrlimit, prlimit),
// usage (getrusage as struct_rusage) and getpagesize, with the Linux
// RLIMIT_* and RUSAGE_* constants; docs/modules.md, "resource".
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>

#include "python/interp/pyrun.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/structseq.h"
#include "python/objects/tuple.h"

namespace pyrite::python {

namespace {

Type* g_rusage = nullptr;

const StructSeqField kRusageFields[] = {
    {"ru_utime", "user time used"},
    {"ru_stime", "system time used"},
    {"ru_maxrss", "max. resident set size"},
    {"ru_ixrss", "shared memory size"},
    {"ru_idrss", "unshared data size"},
    {"ru_isrss", "unshared stack size"},
    {"ru_minflt", "page faults not requiring I/O"},
    {"ru_majflt", "page faults requiring I/O"},
    {"ru_nswap", "number of swap outs"},
    {"ru_inblock", "block input operations"},
    {"ru_oublock", "block output operations"},
    {"ru_msgsnd", "IPC messages sent"},
    {"ru_msgrcv", "IPC messages received"},
    {"ru_nsignals", "signals received"},
    {"ru_nvcsw", "voluntary context switches"},
    {"ru_nivcsw", "involuntary context switches"},
};
const StructSeqDesc kRusageDesc = {"struct_rusage", "resource",
                                   "struct_rusage: resource usage information (getrusage(2)).", kRusageFields, 16,
                                   16};

// METH_O functions of the module: CPython names the module in their
// argument-count and keyword messages.
bool one_arg(const char* name, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) {
    raisef(exc::TypeError, "resource.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != 1) {
    raisef(exc::TypeError, "resource.%s() takes exactly one argument (%zu given)", name, nargs);
    return false;
  }
  return true;
}

bool check_resource(int resource) {
  if (resource < 0 || resource >= RLIM_NLIMITS) {
    raise(exc::ValueError, "invalid resource specified");
    return false;
  }
  return true;
}

// RLIM_INFINITY is -1 to Python, as CPython converts rlim_t through a
// signed long long.
Value limit_value(rlim_t v) { return int_from_i64(static_cast<long long>(v)); }

Value limits_tuple(const rlimit& rl) { return tuple_of({limit_value(rl.rlim_cur), limit_value(rl.rlim_max)}); }

bool limit_arg(Value v, rlim_t* out) {
  Value i = index(v);
  if (!i) return false;
  auto n = int_to_i64(i);
  if (!n) {
    raise(exc::OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = static_cast<rlim_t>(*n);
  return true;
}

// (soft, hard) from any iterable of two ints.
bool limits_arg(Value limits, rlimit* out) {
  Value t = call1(types::tuple, limits);
  if (!t) return false;
  Tuple* tup = t.as<Tuple>();
  if (tup->length != 2) {
    raise(exc::ValueError, "expected a tuple of 2 integers");
    return false;
  }
  return limit_arg(tup->at(0), &out->rlim_cur) && limit_arg(tup->at(1), &out->rlim_max);
}

Value set_limit_error(int err) {
  if (err == EINVAL) return raise(exc::ValueError, "current limit exceeds maximum limit");
  if (err == EPERM) return raise(exc::ValueError, "not allowed to raise maximum limit");
  return raise_os_error(err);
}

Value res_getrlimit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("getrlimit", nargs, kwnames)) return {};
  int resource = 0;
  if (!arg_int(args[0], &resource) || !check_resource(resource)) return {};
  rlimit rl;
  if (getrlimit(static_cast<__rlimit_resource_t>(resource), &rl) < 0) return raise_os_error(errno);
  return limits_tuple(rl);
}

Value res_setrlimit(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "setrlimit expected 2 arguments, got %zu", nargs);
  int resource = 0;
  if (!arg_int(args[0], &resource) || !check_resource(resource)) return {};
  rlimit rl;
  if (!limits_arg(args[1], &rl)) return {};
  if (setrlimit(static_cast<__rlimit_resource_t>(resource), &rl) < 0) return set_limit_error(errno);
  return none();
}

Value res_prlimit(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 2 || nargs > 3) return raise(exc::TypeError, "resource.prlimit requires 2 to 3 arguments");
  int pid = 0, resource = 0;
  if (!arg_int(args[0], &pid) || !arg_int(args[1], &resource) || !check_resource(resource)) return {};
  rlimit new_limits, old_limits;
  bool set = nargs == 3 && !is_none(args[2]);
  if (set && !limits_arg(args[2], &new_limits)) return {};
  if (prlimit(pid, static_cast<enum __rlimit_resource>(resource), set ? &new_limits : nullptr, &old_limits) < 0) {
    return set ? set_limit_error(errno) : raise_os_error(errno);
  }
  return limits_tuple(old_limits);
}

double seconds(const timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) * 1e-6; }

Value res_getrusage(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("getrusage", nargs, kwnames)) return {};
  int who = 0;
  if (!arg_int(args[0], &who)) return {};
  rusage ru;
  if (getrusage(static_cast<__rusage_who_t>(who), &ru) < 0) {
    if (errno == EINVAL) return raise(exc::ValueError, "invalid who parameter");
    return raise_os_error(errno);
  }
  Tuple* t = struct_seq_new(g_rusage);
  const long fields[] = {ru.ru_maxrss, ru.ru_ixrss,  ru.ru_idrss,  ru.ru_isrss,   ru.ru_minflt, ru.ru_majflt, ru.ru_nswap,
                         ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw,
                         ru.ru_nivcsw};
  struct_seq_set(t, 0, float_new(seconds(ru.ru_utime)));
  struct_seq_set(t, 1, float_new(seconds(ru.ru_stime)));
  for (int k = 0; k < 14; k++) struct_seq_set(t, k + 2, int_from_i64(fields[k]));
  return t;
}

Value res_getpagesize(Value, const Value*, size_t, Tuple*) { return int_from_i64(sysconf(_SC_PAGESIZE)); }

const MethodDef kFunctions[] = {
    {"getrlimit", res_getrlimit, MethodFlag::kVarArgs | MethodFlag::kKeywords, "getrlimit(resource, /)\n--\n\nThe (soft, hard) limits."},
    {"setrlimit", res_setrlimit, MethodFlag::kVarArgs,
     "setrlimit(resource, limits, /)\n--\n\nSets the (soft, hard) limits; -1 is RLIM_INFINITY."},
    {"prlimit", res_prlimit, MethodFlag::kVarArgs,
     "prlimit(pid, resource, [limits])\n--\n\nThe limits of another process, set to limits if given; the old "
     "ones are returned."},
    {"getrusage", res_getrusage, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "getrusage(who, /)\n--\n\nThe resource usage of RUSAGE_SELF, RUSAGE_CHILDREN or RUSAGE_THREAD."},
    {"getpagesize", res_getpagesize, MethodFlag::kNoArgs, "getpagesize()\n--\n\nThe memory page size in bytes."},
    {nullptr, nullptr, 0},
};

#define PYR_RESOURCE_CONSTANT(name) {#name, static_cast<long long>(name)}
const struct {
  const char* name;
  long long value;
} kConstants[] = {
    PYR_RESOURCE_CONSTANT(RLIMIT_CPU),     PYR_RESOURCE_CONSTANT(RLIMIT_FSIZE),
    PYR_RESOURCE_CONSTANT(RLIMIT_DATA),    PYR_RESOURCE_CONSTANT(RLIMIT_STACK),
    PYR_RESOURCE_CONSTANT(RLIMIT_CORE),    PYR_RESOURCE_CONSTANT(RLIMIT_NOFILE),
    PYR_RESOURCE_CONSTANT(RLIMIT_OFILE),   PYR_RESOURCE_CONSTANT(RLIMIT_AS),
    PYR_RESOURCE_CONSTANT(RLIMIT_RSS),     PYR_RESOURCE_CONSTANT(RLIMIT_NPROC),
    PYR_RESOURCE_CONSTANT(RLIMIT_MEMLOCK), PYR_RESOURCE_CONSTANT(RLIMIT_MSGQUEUE),
    PYR_RESOURCE_CONSTANT(RLIMIT_NICE),    PYR_RESOURCE_CONSTANT(RLIMIT_RTPRIO),
    PYR_RESOURCE_CONSTANT(RLIMIT_RTTIME),  PYR_RESOURCE_CONSTANT(RLIMIT_SIGPENDING),
    PYR_RESOURCE_CONSTANT(RUSAGE_SELF),    PYR_RESOURCE_CONSTANT(RUSAGE_CHILDREN),
    PYR_RESOURCE_CONSTANT(RUSAGE_THREAD),
};
#undef PYR_RESOURCE_CONSTANT

}  // namespace

Module* make_resource_module() {
  if (!g_rusage) make_struct_seq_type(&g_rusage, &kRusageDesc);
  Module* m = module_new(intern("resource"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_ascii("Resource limits and usage of the process (getrlimit(2), getrusage(2))."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("resource")));
  for (const auto& c : kConstants) dict_set_str(m->dict, intern(c.name), int_from_i64(c.value));
  dict_set_str(m->dict, intern("RLIM_INFINITY"), limit_value(RLIM_INFINITY));
  dict_set_str(m->dict, intern("error"), exc::OSError);
  dict_set_str(m->dict, intern("struct_rusage"), g_rusage);
  return m;
}

}  // namespace pyrite::python
