// The grp module: the group database (getgrgid, getgrnam, getgrall) as
// struct_group records; docs/modules.md, "pwd and grp".
#include <grp.h>
#include <sys/types.h>

#include <cerrno>
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

Type* g_group = nullptr;

const StructSeqField kGroupFields[] = {
    {"gr_name", "group name"},
    {"gr_passwd", "password"},
    {"gr_gid", "group id"},
    {"gr_mem", "group members"},
};
const StructSeqDesc kGroupDesc = {"struct_group", "grp",
                                  "grp.struct_group: an entry of the group database (getgrnam(3)).", kGroupFields,
                                  4, 4};

Value decoded(const char* s) { return posix::fs_decode(s, std::char_traits<char>::length(s), false); }

Value make_entry(const group* g) {
  Tuple* t = struct_seq_new(g_group);
  List* members = list_new();
  for (char** m = g->gr_mem; m && *m; m++) {
    Value v = decoded(*m);
    if (!v) return {};
    list_append(members, v);
  }
  Value name = decoded(g->gr_name);
  if (!name) return {};
  struct_seq_set(t, 0, name);
  if (g->gr_passwd) {
    Value pw = decoded(g->gr_passwd);
    if (!pw) return {};
    struct_seq_set(t, 1, pw);
  }
  struct_seq_set(t, 2, user_id_value(g->gr_gid));
  struct_seq_set(t, 3, members);
  return t;
}

template <class F>
bool lookup(F&& call, group* out, std::vector<char>* buf, int* err) {
  buf->resize(1024);
  for (;;) {
    group* result = nullptr;
    int e = call(out, buf->data(), buf->size(), &result);
    if (e == ERANGE && buf->size() < (1u << 24)) {
      buf->resize(buf->size() * 2);
      continue;
    }
    *err = e;
    return result != nullptr;
  }
}

Value grp_getgrgid(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"id", nullptr};
  Value id;
  if (!parse_args({"getgrgid", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&id})) return {};
  gid_t gid = 0;
  if (!convert_user_id(id, "gid", &gid)) return {};
  group entry;
  std::vector<char> buf;
  int err = 0;
  if (!lookup([&](group* o, char* b, size_t n, group** r) { return getgrgid_r(gid, o, b, n, r); }, &entry, &buf,
              &err)) {
    if (err == ENOMEM) return raise_memory_error();
    std::string shown = gid == static_cast<gid_t>(-1) ? "-1" : std::to_string(gid);
    return raisef(exc::KeyError, "getgrgid(): gid not found: %s", shown.c_str());
  }
  return make_entry(&entry);
}

Value grp_getgrnam(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"name", nullptr};
  Value name_v;
  if (!parse_args({"getgrnam", kNames, 1, 0, -1, true}, args, nargs, kwnames, {&name_v})) return {};
  if (!is_str(name_v)) {
    return raisef(exc::TypeError, "getgrnam() argument 'name' must be str, not %s", type_name(name_v).c_str());
  }
  std::string name = str_to_utf8(name_v.as<Str>());
  if (name.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null byte");
  group entry;
  std::vector<char> buf;
  int err = 0;
  if (!lookup([&](group* o, char* b, size_t n, group** r) { return getgrnam_r(name.c_str(), o, b, n, r); }, &entry,
              &buf, &err)) {
    if (err == ENOMEM) return raise_memory_error();
    return raisef(exc::KeyError, "getgrnam(): name not found: %s", repr_utf8(name_v).c_str());
  }
  return make_entry(&entry);
}

Value grp_getgrall(Value, const Value*, size_t, Tuple*) {
  List* l = list_new();
  setgrent();
  while (group* g = getgrent()) {
    Value e = make_entry(g);
    if (!e) {
      endgrent();
      return {};
    }
    list_append(l, e);
  }
  endgrent();
  return l;
}

const MethodDef kFunctions[] = {
    {"getgrgid", grp_getgrgid, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "getgrgid(id)\n--\n\nThe group database entry of the group id (KeyError if absent)."},
    {"getgrnam", grp_getgrnam, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "getgrnam(name)\n--\n\nThe group database entry of the group name (KeyError if absent)."},
    {"getgrall", grp_getgrall, MethodFlag::kNoArgs, "getgrall()\n--\n\nEvery entry of the group database."},
    {nullptr, nullptr, 0},
};

}  // namespace

Module* make_grp_module() {
  if (!g_group) make_struct_seq_type(&g_group, &kGroupDesc);
  Module* m = module_new(intern("grp"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_ascii("The group database: getgrgid(), getgrnam(), getgrall() as struct_group records."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("grp")));
  dict_set_str(m->dict, intern("struct_group"), g_group);
  return m;
}

}  // namespace pyrite::python
