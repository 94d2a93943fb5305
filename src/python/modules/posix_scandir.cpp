// os.scandir: the ScandirIterator over a directory and its DirEntry objects,
// which answer is_dir()/is_file()/is_symlink() from the directory entry's
// d_type when it is known and cache their stat results (docs/modules.md,
// "posix").
#include <cerrno>
#include <cstring>
#include <string>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gc/heap.h"
#include "python/modules/posix_module.h"
#include "python/objects/bytes.h"
#include "python/objects/descriptors.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/str_methods.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python::posix {

namespace {

struct DirEntry : Object {
  Value name;     // str or bytes, as the scandir argument
  Value path;     // the argument joined with name (name alone for an fd)
  Value stat;     // cached stat_result (following symlinks), or null
  Value lstat;    // cached lstat result, or null
  uint64_t ino;
  int32_t d_type;
  int32_t dir_fd;  // the directory's fd for scandir(fd), else -1
};

struct ScandirIterator : Object {
  Value path;      // the argument as given after fspath (str, bytes, int) or null (None)
  Value prefix;    // bytes: the directory path to join names to
  DIR* dir;        // null once exhausted or closed
  int32_t fd;      // scandir(fd): the caller's fd, else -1
  bool is_bytes;
};

Type* g_dir_entry = nullptr;
Type* g_scandir_iterator = nullptr;

void trace_dir_entry(void* p, gc::Visitor& v) {
  auto* e = static_cast<DirEntry*>(p);
  v.visit(e->type);
  visit_value(v, e->name);
  visit_value(v, e->path);
  visit_value(v, e->stat);
  visit_value(v, e->lstat);
}

void trace_scandir(void* p, gc::Visitor& v) {
  auto* it = static_cast<ScandirIterator*>(p);
  v.visit(it->type);
  visit_value(v, it->path);
  visit_value(v, it->prefix);
}

void close_iterator(ScandirIterator* it) {
  if (!it->dir) return;
  // For scandir(fd) the DIR owns a dup of the caller's fd: rewind so the
  // caller's fd is at the start again, as CPython does.
  if (it->fd >= 0) rewinddir(it->dir);
  closedir(it->dir);
  it->dir = nullptr;
}

// An iterator nobody closed closes its directory when collected.
void finalize_scandir(void* p) { close_iterator(static_cast<ScandirIterator*>(p)); }

Value no_instances(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", type_name_of(t).c_str());
}

// ---- DirEntry -----------------------------------------------------------------------------------

PathArg entry_path(DirEntry* e) {
  PathArg p;
  p.object = e->path;
  p.is_bytes = is_bytes(e->path);
  Value v = e->dir_fd >= 0 ? e->name : e->path;
  if (p.is_bytes) p.narrow.assign(v.as<Bytes>()->view());
  return p;
}

Value fetch_stat(DirEntry* e, bool follow) {
  PathArg p = entry_path(e);
  // str names go back to the directory's bytes through surrogateescape.
  if (!p.is_bytes) {
    Value b = str_encode(e->dir_fd >= 0 ? e->name.as<Str>() : e->path.as<Str>(), intern("utf-8"),
                         intern("surrogateescape"));
    if (!b) return {};
    p.narrow.assign(b.as<Bytes>()->view());
  }
  struct stat st;
  int dir_fd = e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD;
  if (fstatat(dir_fd, p.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) != 0)
    return raise_path_error(errno, p);
  return stat_result_from(st);
}

// The caches are filled long after the entry was made: stores through the
// write barrier.
void set_cached(DirEntry* e, Value* field, Value st) {
  gc::write_barrier(e, field, st.is_object() ? st.object() : nullptr);
  *field = st;
}

Value entry_lstat(DirEntry* e) {
  if (!e->lstat) set_cached(e, &e->lstat, fetch_stat(e, false));
  return e->lstat;
}

int entry_is_symlink(DirEntry* e) {
  if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
  Value st = entry_lstat(e);
  if (!st) return -1;
  auto mode = int_to_i64(st.as<Tuple>()->at(0));
  return S_ISLNK(mode.value_or(0));
}

Value entry_stat(DirEntry* e, bool follow) {
  if (!follow) return entry_lstat(e);
  if (!e->stat) {
    int link = entry_is_symlink(e);
    if (link < 0) return {};
    set_cached(e, &e->stat, link ? fetch_stat(e, true) : entry_lstat(e));
  }
  return e->stat;
}

// is_dir / is_file: d_type when it answers, else the (l)stat mode; a
// missing file is False.
int entry_test_mode(DirEntry* e, bool follow, mode_t bits) {
  if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK)) {
    return bits == S_IFDIR ? e->d_type == DT_DIR : e->d_type == DT_REG;
  }
  Value st = entry_stat(e, follow);
  if (!st) {
    if (error_matches(exc::FileNotFoundError)) {
      clear_error();
      return 0;
    }
    return -1;
  }
  auto mode = int_to_i64(st.as<Tuple>()->at(0));
  return (mode.value_or(0) & S_IFMT) == bits;
}

bool follow_arg(const char* fn, const Value* args, size_t nargs, Tuple* kwnames, bool* follow) {
  static const char* const kNames[] = {"follow_symlinks", nullptr};
  if (nargs > 0) {
    raisef(exc::TypeError, "%s() takes no positional arguments", fn);
    return false;
  }
  Value f;
  if (!parse_args({fn, kNames, 0, 0, 0, true}, args, nargs, kwnames, {&f})) return false;
  *follow = true;
  if (!f) return true;
  int t = truth(f);
  if (t < 0) return false;
  *follow = t;
  return true;
}

Value dir_entry_is_dir(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool follow;
  if (!follow_arg("is_dir", args, nargs, kwnames, &follow)) return {};
  int r = entry_test_mode(self.as<DirEntry>(), follow, S_IFDIR);
  return r < 0 ? Value() : py_bool(r);
}

Value dir_entry_is_file(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool follow;
  if (!follow_arg("is_file", args, nargs, kwnames, &follow)) return {};
  int r = entry_test_mode(self.as<DirEntry>(), follow, S_IFREG);
  return r < 0 ? Value() : py_bool(r);
}

Value dir_entry_is_symlink(Value self, const Value*, size_t, Tuple*) {
  int r = entry_is_symlink(self.as<DirEntry>());
  return r < 0 ? Value() : py_bool(r);
}

Value dir_entry_stat(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  bool follow;
  if (!follow_arg("stat", args, nargs, kwnames, &follow)) return {};
  return entry_stat(self.as<DirEntry>(), follow);
}

Value dir_entry_inode(Value self, const Value*, size_t, Tuple*) {
  return int_from_u64(self.as<DirEntry>()->ino);
}

Value dir_entry_fspath(Value self, const Value*, size_t, Tuple*) { return self.as<DirEntry>()->path; }

Value dir_entry_repr(Value self) {
  Value r = repr(self.as<DirEntry>()->name);
  if (!r) return {};
  return str_from_utf8("<DirEntry " + str_to_utf8(r.as<Str>()) + ">");
}

bool dir_entry_readonly(Value, Value) {
  raise(exc::AttributeError, "readonly attribute");
  return false;
}

Value dir_entry_name(Value self) { return self.as<DirEntry>()->name; }
Value dir_entry_path_get(Value self) { return self.as<DirEntry>()->path; }

const MethodDef kDirEntryMethods[] = {
    {"is_dir", dir_entry_is_dir, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Whether the entry is a directory (through a symbolic link unless follow_symlinks=False)."},
    {"is_file", dir_entry_is_file, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Whether the entry is a regular file (through a symbolic link unless follow_symlinks=False)."},
    {"is_symlink", dir_entry_is_symlink, MethodFlag::kNoArgs,
     "Whether the entry is a symbolic link."},
    {"stat", dir_entry_stat, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "stat(path) of a path or an fd: a stat_result; dir_fd and follow_symlinks as fstatat."},
    {"inode", dir_entry_inode, MethodFlag::kNoArgs, "The entry's inode number."},
    {"__fspath__", dir_entry_fspath, MethodFlag::kNoArgs, "The entry's path."},
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "A generic alias of the class (PEP 585)."},
    {nullptr, nullptr, 0},
};

const GetSetDef kDirEntryGetSets[] = {
    {"name", dir_entry_name, dir_entry_readonly, "the entry's file name, without the directory"},
    {"path", dir_entry_path_get, dir_entry_readonly, "the scandir() argument joined with the name"},
    {nullptr, nullptr},
};

// ---- ScandirIterator ------------------------------------------------------------------------------

Value scandir_next(Value self) {
  auto* it = self.as<ScandirIterator>();
  while (it->dir) {
    errno = 0;
    dirent* d = readdir(it->dir);
    if (!d) {
      int err = errno;
      close_iterator(it);
      if (err) {
        PathArg p;
        p.object = it->path;
        return raise_path_error(err, p);
      }
      return {};
    }
    const char* n = d->d_name;
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
    size_t len = std::strlen(n);
    auto* e = static_cast<DirEntry*>(alloc_instance(g_dir_entry));
    e->ino = d->d_ino;
    e->d_type = d->d_type;
    e->dir_fd = it->fd;
    e->name = fs_decode(n, len, it->is_bytes);
    if (!e->name) return {};
    if (it->fd >= 0) {
      e->path = e->name;
    } else {
      std::string full(it->prefix.as<Bytes>()->view());
      if (!full.empty() && full.back() != '/') full += '/';
      full.append(n, len);
      e->path = fs_decode(full, it->is_bytes);
      if (!e->path) return {};
    }
    return e;
  }
  return {};
}

Value scandir_iter(Value self) { return self; }

Value scandir_close(Value self, const Value*, size_t, Tuple*) {
  close_iterator(self.as<ScandirIterator>());
  return none();
}

Value scandir_enter(Value self, const Value*, size_t, Tuple*) { return self; }

Value scandir_exit(Value self, const Value*, size_t, Tuple*) {
  close_iterator(self.as<ScandirIterator>());
  return none();
}

const MethodDef kScandirMethods[] = {
    {"close", scandir_close, MethodFlag::kNoArgs},
    {"__enter__", scandir_enter, MethodFlag::kNoArgs},
    {"__exit__", scandir_exit, MethodFlag::kVarArgs},
    {nullptr, nullptr, 0},
};

}  // namespace

Value posix_scandir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"path", nullptr};
  Value path;
  if (!parse_args({"scandir", kNames, 0, 0, -1, true}, args, nargs, kwnames, {&path})) return {};
  PathArg p;
  if (!convert_path("scandir", "path", path ? path : none(), true, true, &p)) return {};
  DIR* dir = open_dir(p);
  if (!dir) return {};
  auto* it = static_cast<ScandirIterator*>(alloc_instance(g_scandir_iterator));
  it->path = p.object;
  it->is_bytes = p.is_bytes;
  it->fd = p.fd;
  it->prefix = bytes_from(p.narrow);
  it->dir = dir;
  gc::Heap::current()->register_finalizer(it);
  return it;
}

Type* dir_entry_type() { return g_dir_entry; }
Type* scandir_iterator_type() { return g_scandir_iterator; }

void make_scandir_types() {
  {
    TypeSpec spec;
    spec.name = "DirEntry";
    spec.module = "posix";
    spec.layout = register_object_layout("posix.DirEntry", sizeof(DirEntry), trace_dir_entry);
    spec.instance_size = sizeof(DirEntry);
    spec.trace = trace_dir_entry;
    spec.slots.new_ = no_instances;
    spec.slots.repr = dir_entry_repr;
    spec.methods = kDirEntryMethods;
    spec.getsets = kDirEntryGetSets;
    make_builtin_type(&g_dir_entry, spec);
  }
  {
    gc::LayoutInfo info;
    info.name = "posix.ScandirIterator";
    info.trace = trace_scandir;
    info.fixed_size = sizeof(ScandirIterator);
    info.finalize = finalize_scandir;
    TypeSpec spec;
    spec.name = "ScandirIterator";
    spec.module = "posix";
    spec.layout = gc::register_layout(info);
    spec.instance_size = sizeof(ScandirIterator);
    spec.trace = trace_scandir;
    spec.slots.new_ = no_instances;
    spec.slots.iter = scandir_iter;
    spec.slots.next = scandir_next;
    spec.methods = kScandirMethods;
    make_builtin_type(&g_scandir_iterator, spec);
  }
}

}  // namespace pyrite::python::posix
