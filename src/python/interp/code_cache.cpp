// The bytecode cache for imported modules (docs/bytecode_cache.md).
//
// A cache file holds one serialized compile::CodeUnit tree:
//   "PYRITEBC" magic, u32 format version, u64 build id (the Pyrite binary's
//   mtime and size: a rebuilt compiler invalidates every cache), i64 source
//   mtime_ns, i64 source size, the absolute source path (a guard against
//   hash collisions), then the module's unit. Integers are little-endian
//   host order (the cache is per machine); floats are their bit patterns.
#include "python/interp/code_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace pyrite::python {

namespace {

constexpr char kMagic[8] = {'P', 'Y', 'R', 'I', 'T', 'E', 'B', 'C'};
constexpr uint32_t kFormatVersion = 1;

bool g_enabled = true;
bool g_write = true;

uint64_t fnv1a(const void* p, size_t n, uint64_t h = 1469598103934665603ull) {
  auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; i++) {
    h ^= b[i];
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t build_id() {
  static uint64_t id = [] {
    struct stat st;
    if (stat("/proc/self/exe", &st) != 0) return uint64_t(0);
    int64_t v[3] = {int64_t(st.st_mtim.tv_sec), int64_t(st.st_mtim.tv_nsec), int64_t(st.st_size)};
    uint64_t h = fnv1a(v, sizeof v);
    return h ? h : 1;
  }();
  return id;
}

std::string absolute(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return {};
  std::string r = cwd;
  if (path.empty() || path == ".") return r;
  if (path.compare(0, 2, "./") == 0) return r + path.substr(1);
  return r + "/" + path;
}

std::string cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && xdg[0] == '/') return std::string(xdg) + "/pyrite";
  const char* home = std::getenv("HOME");
  if (home && home[0] == '/') return std::string(home) + "/.cache/pyrite";
  return {};
}

// <dir>/<hash of the absolute path>-<file's base name>.pyrc (a package's
// __init__.py: <package>.__init__.pyrc)
std::string cache_file(const std::string& abs, std::string* dir) {
  *dir = cache_dir();
  if (dir->empty() || abs.empty()) return {};
  size_t slash = abs.rfind('/');
  std::string base = abs.substr(slash + 1);
  if (base.size() > 3 && base.compare(base.size() - 3, 3, ".py") == 0) base.resize(base.size() - 3);
  if (base == "__init__" && slash != 0 && slash != std::string::npos) {
    // A package: <package>.__init__.
    size_t up = abs.rfind('/', slash - 1);
    base = abs.substr(up + 1, slash - up - 1) + "." + base;
  }
  if (base.size() > 64) base.resize(64);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(abs.data(), abs.size())));
  return *dir + "/" + hex + "-" + base + ".pyrc";
}

// ---- writing ----------------------------------------------------------------

struct Writer {
  std::string out;
  void raw(const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }
  void u8(uint8_t v) { raw(&v, 1); }
  void u32(uint32_t v) { raw(&v, 4); }
  void i32(int32_t v) { raw(&v, 4); }
  void i64(int64_t v) { raw(&v, 8); }
  void f64(double v) { raw(&v, 8); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  void constant(const compile::Constant& c);
  void unit(const compile::CodeUnit& u);
};

void Writer::constant(const compile::Constant& c) {
  u8(static_cast<uint8_t>(c.kind));
  switch (c.kind) {
    case compile::Constant::Kind::kValue:
      u8(static_cast<uint8_t>(c.value.kind));
      i64(c.value.i);
      f64(c.value.f);
      f64(c.real);
      str(c.value.s);
      break;
    case compile::Constant::Kind::kCode:
      unit(*c.code);
      break;
    case compile::Constant::Kind::kTuple:
    case compile::Constant::Kind::kFrozenSet:
      u32(static_cast<uint32_t>(c.items.size()));
      for (const auto& x : c.items) constant(x);
      break;
  }
}

void Writer::unit(const compile::CodeUnit& u) {
  str(u.name);
  str(u.qualname);
  i32(u.first_line);
  i32(u.argcount);
  i32(u.posonlyargcount);
  i32(u.kwonlyargcount);
  u32(u.flags);
  i32(u.stack_size);
  strs(u.varnames);
  strs(u.cellvars);
  strs(u.freevars);
  strs(u.names);
  strs(u.localsplus_names());
  const auto& kinds = u.localsplus_kinds();
  u32(static_cast<uint32_t>(kinds.size()));
  raw(kinds.data(), kinds.size());
  u32(static_cast<uint32_t>(u.constants.size()));
  for (const auto& c : u.constants) constant(c);
  u32(static_cast<uint32_t>(u.code.size()));
  raw(u.code.data(), u.code.size() * sizeof(compile::Unit));
  u32(static_cast<uint32_t>(u.locations.size()));
  for (const auto& e : u.locations) {
    u32(e.start);
    i32(e.line);
    i32(e.end_line);
    i32(e.col);
    i32(e.end_col);
  }
  u32(static_cast<uint32_t>(u.exception_table.size()));
  for (const auto& e : u.exception_table) {
    u32(e.start);
    u32(e.end);
    u32(e.target);
    u32(e.depth);
    u8(e.lasti ? 1 : 0);
  }
}

// ---- reading ----------------------------------------------------------------

struct Reader {
  const char* p;
  const char* end;
  const std::string& filename;
  bool ok = true;
  int depth = 0;

  bool take(void* dst, size_t n) {
    if (!ok || size_t(end - p) < n) return ok = false;
    std::memcpy(dst, p, n);
    p += n;
    return true;
  }
  uint8_t u8() { uint8_t v = 0; take(&v, 1); return v; }
  uint32_t u32() { uint32_t v = 0; take(&v, 4); return v; }
  int32_t i32() { int32_t v = 0; take(&v, 4); return v; }
  int64_t i64() { int64_t v = 0; take(&v, 8); return v; }
  double f64() { double v = 0; take(&v, 8); return v; }
  // A count of items each at least `min_size` bytes long (bounds the allocation).
  uint32_t count(size_t min_size) {
    uint32_t n = u32();
    if (ok && size_t(end - p) / min_size < n) ok = false;
    return ok ? n : 0;
  }
  std::string_view view() {
    uint32_t n = u32();
    if (!ok || size_t(end - p) < n) {
      ok = false;
      return {};
    }
    std::string_view s(p, n);
    p += n;
    return s;
  }
  std::string str() { return std::string(view()); }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count(4));
    for (auto& s : v) s = str();
    return v;
  }
  bool constant(compile::Constant* c);
  std::unique_ptr<compile::CodeUnit> unit();
};

bool Reader::constant(compile::Constant* c) {
  uint8_t kind = u8();
  if (kind > uint8_t(compile::Constant::Kind::kFrozenSet)) return ok = false;
  c->kind = static_cast<compile::Constant::Kind>(kind);
  switch (c->kind) {
    case compile::Constant::Kind::kValue: {
      uint8_t vk = u8();
      if (vk > uint8_t(ast::ConstKind::Bytes)) return ok = false;
      c->value.kind = static_cast<ast::ConstKind>(vk);
      c->value.i = i64();
      c->value.f = f64();
      c->real = f64();
      c->value.s = view();
      break;
    }
    case compile::Constant::Kind::kCode: {
      c->code = unit();
      if (!c->code) return ok = false;
      break;
    }
    case compile::Constant::Kind::kTuple:
    case compile::Constant::Kind::kFrozenSet: {
      uint32_t n = count(1);
      c->items.resize(n);
      for (auto& x : c->items) {
        if (!constant(&x)) return false;
      }
      break;
    }
  }
  return ok;
}

std::unique_ptr<compile::CodeUnit> Reader::unit() {
  if (++depth > 200) {
    ok = false;
    return nullptr;
  }
  auto u = std::make_unique<compile::CodeUnit>();
  u->name = str();
  u->qualname = str();
  u->filename = filename;
  u->first_line = i32();
  u->argcount = i32();
  u->posonlyargcount = i32();
  u->kwonlyargcount = i32();
  u->flags = u32();
  u->stack_size = i32();
  u->varnames = strs();
  u->cellvars = strs();
  u->freevars = strs();
  u->names = strs();
  std::vector<std::string> lnames = strs();
  std::vector<uint8_t> kinds(count(1));
  if (!kinds.empty()) take(kinds.data(), kinds.size());
  if (kinds.size() != lnames.size()) ok = false;
  u->set_localsplus(std::move(lnames), std::move(kinds));
  u->constants.resize(count(1));
  for (auto& c : u->constants) {
    if (!constant(&c)) return nullptr;
  }
  u->code.resize(count(sizeof(compile::Unit)));
  if (!u->code.empty()) take(u->code.data(), u->code.size() * sizeof(compile::Unit));
  u->locations.resize(count(20));
  for (auto& e : u->locations) {
    e.start = u32();
    e.line = i32();
    e.end_line = i32();
    e.col = i32();
    e.end_col = i32();
  }
  u->exception_table.resize(count(17));
  for (auto& e : u->exception_table) {
    e.start = u32();
    e.end = u32();
    e.target = u32();
    e.depth = u32();
    e.lasti = u8() != 0;
  }
  depth--;
  if (!ok) return nullptr;
  return u;
}

void header(Writer* w, const SourceStamp& stamp, const std::string& abs) {
  w->raw(kMagic, sizeof kMagic);
  w->u32(kFormatVersion);
  uint64_t id = build_id();
  w->raw(&id, 8);
  w->i64(stamp.mtime_ns);
  w->i64(stamp.size);
  w->str(abs);
}

}  // namespace

void code_cache_configure(bool enabled, bool write) {
  g_enabled = enabled;
  g_write = write;
}

SourceStamp source_stamp(const std::string& path) {
  SourceStamp s;
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return s;
  s.mtime_ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  s.size = st.st_size;
  s.valid = true;
  return s;
}

std::unique_ptr<compile::CodeUnit> code_cache_load(const std::string& path, const SourceStamp& stamp,
                                                   std::string* storage) {
  if (!g_enabled || !stamp.valid || build_id() == 0) return nullptr;
  std::string abs = absolute(path);
  std::string dir;
  std::string file = cache_file(abs, &dir);
  if (file.empty()) return nullptr;
  int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return nullptr;
  }
  storage->resize(size_t(st.st_size));
  size_t got = 0;
  while (got < storage->size()) {
    ssize_t n = read(fd, storage->data() + got, storage->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += size_t(n);
  }
  close(fd);
  if (got != storage->size()) return nullptr;
  Writer expect;
  header(&expect, stamp, abs);
  if (storage->size() < expect.out.size() || storage->compare(0, expect.out.size(), expect.out) != 0) return nullptr;
  Reader r{storage->data() + expect.out.size(), storage->data() + storage->size(), path};
  auto unit = r.unit();
  if (!r.ok || r.p != r.end) return nullptr;
  return unit;
}

void code_cache_store(const std::string& path, const SourceStamp& stamp, const compile::CodeUnit& unit) {
  if (!g_enabled || !g_write || !stamp.valid || build_id() == 0) return;
  std::string abs = absolute(path);
  std::string dir;
  std::string file = cache_file(abs, &dir);
  if (file.empty()) return;
  Writer w;
  header(&w, stamp, abs);
  w.unit(unit);
  // The directory and its parent (~/.cache) as needed, private to the user.
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    std::string parent = dir.substr(0, dir.rfind('/'));
    if (errno != ENOENT || (mkdir(parent.c_str(), 0700) != 0 && errno != EEXIST) ||
        (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST))
      return;
  }
  std::string tmp = file + "." + std::to_string(getpid()) + ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  size_t done = 0;
  bool ok = true;
  while (done < w.out.size()) {
    ssize_t n = write(fd, w.out.data() + done, w.out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += size_t(n);
  }
  if (close(fd) != 0) ok = false;
  if (!ok || rename(tmp.c_str(), file.c_str()) != 0) unlink(tmp.c_str());
}

}  // namespace pyrite::python
