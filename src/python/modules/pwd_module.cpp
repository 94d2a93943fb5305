// The pwd module: the password database (getpwuid, getpwnam, getpwall)
// as struct_passwd records; docs/modules.md, "pwd and grp".
#include <pwd.h>
#include <sys/types.h>

#include <cerrno>
#include <climits>
#include <string>
#include <vector>

#include "python/interp/pyrun.h"
#include "python/modules/posix_module.h"
#include "python/modules/user_ids.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/structseq.h"

namespace pyrite::python {

namespace {

Type* g_passwd = nullptr;

const StructSeqField kPasswdFields[] = {
    {"pw_name", "user name"},
    {"pw_passwd", "password"},
    {"pw_uid", "user id"},
    {"pw_gid", "group id"},
    {"pw_gecos", "real name"},
    {"pw_dir", "home directory"},
    {"pw_shell", "shell program"},
};
const StructSeqDesc kPasswdDesc = {"struct_passwd", "pwd",
                                   "pwd.struct_passwd: an entry of the password database (getpwnam(3)).",
                                   kPasswdFields, 7, 7};

Value make_entry(const passwd* p) {
  Tuple* t = struct_seq_new(g_passwd);
  const char* strs[] = {p->pw_name, p->pw_passwd, nullptr, nullptr, p->pw_gecos, p->pw_dir, p->pw_shell};
  for (int k : {0, 1, 4, 5, 6}) {
    if (!strs[k]) continue;  // None, as CPython for a null field
    Value s = posix::fs_decode(strs[k], std::char_traits<char>::length(strs[k]), false);
    if (!s) return {};
    struct_seq_set(t, k, s);
  }
  struct_seq_set(t, 2, user_id_value(p->pw_uid));
  struct_seq_set(t, 3, user_id_value(p->pw_gid));
  return t;
}

// Calls one of the reentrant lookups with a buffer that grows until it
// fits; false + the error number when the entry is absent or on error.
template <class F>
bool lookup(F&& call, passwd* out, std::vector<char>* buf, int* err) {
  buf->resize(1024);
  for (;;) {
    passwd* result = nullptr;
    int e = call(out, buf->data(), buf->size(), &result);
    if (e == ERANGE && buf->size() < (1u << 24)) {
      buf->resize(buf->size() * 2);
      continue;
    }
    *err = e;
    return result != nullptr;
  }
}

// METH_O functions of a module: CPython names the module when refusing
// keywords.
bool one_arg(const char* name, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->length) {
    raisef(exc::TypeError, "pwd.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != 1) {
    raisef(exc::TypeError, "pwd.%s() takes exactly one argument (%zu given)", name, nargs);
    return false;
  }
  return true;
}

Value pwd_getpwuid(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("getpwuid", nargs, kwnames)) return {};
  uid_t uid = 0;
  if (!convert_user_id(args[0], "uid", &uid)) {
    if (error_matches(exc::OverflowError)) {
      clear_error();
      return raise(exc::KeyError, "getpwuid(): uid not found");
    }
    return {};
  }
  passwd entry;
  std::vector<char> buf;
  int err = 0;
  if (!lookup([&](passwd* o, char* b, size_t n, passwd** r) { return getpwuid_r(uid, o, b, n, r); }, &entry, &buf,
              &err)) {
    if (err == ENOMEM) return raise_memory_error();
    std::string shown = uid == static_cast<uid_t>(-1) ? "-1" : std::to_string(uid);
    return raisef(exc::KeyError, "getpwuid(): uid not found: %s", shown.c_str());
  }
  return make_entry(&entry);
}

Value pwd_getpwnam(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("getpwnam", nargs, kwnames)) return {};
  if (!is_str(args[0])) {
    return raisef(exc::TypeError, "getpwnam() argument must be str, not %s", type_name(args[0]).c_str());
  }
  std::string name = str_to_utf8(args[0].as<Str>());
  if (name.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null byte");
  passwd entry;
  std::vector<char> buf;
  int err = 0;
  if (!lookup([&](passwd* o, char* b, size_t n, passwd** r) { return getpwnam_r(name.c_str(), o, b, n, r); },
              &entry, &buf, &err)) {
    if (err == ENOMEM) return raise_memory_error();
    return raisef(exc::KeyError, "getpwnam(): name not found: %s", repr_utf8(args[0]).c_str());
  }
  return make_entry(&entry);
}

Value pwd_getpwall(Value, const Value*, size_t, Tuple*) {
  List* l = list_new();
  setpwent();
  while (passwd* p = getpwent()) {
    Value e = make_entry(p);
    if (!e) {
      endpwent();
      return {};
    }
    list_append(l, e);
  }
  endpwent();
  return l;
}

const MethodDef kFunctions[] = {
    {"getpwuid", pwd_getpwuid, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "getpwuid(uid, /)\n--\n\nThe password database entry of the user id (KeyError if absent)."},
    {"getpwnam", pwd_getpwnam, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "getpwnam(name, /)\n--\n\nThe password database entry of the user name (KeyError if absent)."},
    {"getpwall", pwd_getpwall, MethodFlag::kNoArgs,
     "getpwall()\n--\n\nEvery entry of the password database, in its order."},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_pwd_module() {
  if (!g_passwd) make_struct_seq_type(&g_passwd, &kPasswdDesc);
  Module* m = module_new(intern("pwd"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_ascii("The password database: getpwuid(), getpwnam(), getpwall() as struct_passwd records."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("pwd")));
  dict_set_str(m->dict, intern("struct_passwd"), g_passwd);
  return m;
}

}  // namespace pyrite::python
