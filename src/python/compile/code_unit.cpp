// CodeUnit queries and constant identity (docs/compiler.md).
#include "python/compile/code_unit.h"

#include <cmath>
#include <cstring>

namespace pyrite::python::compile {

bool same_constant(const Constant& a, const Constant& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Constant::Kind::kCode:
      return a.code == b.code;
    case Constant::Kind::kTuple:
    case Constant::Kind::kFrozenSet:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); i++)
        if (!same_constant(a.items[i], b.items[i])) return false;
      return true;
    case Constant::Kind::kValue:
      break;
  }
  const ast::ConstValue& x = a.value;
  const ast::ConstValue& y = b.value;
  if (x.kind != y.kind) return false;
  switch (x.kind) {
    case ast::ConstKind::Int:
      return x.i == y.i;
    case ast::ConstKind::Float:
    case ast::ConstKind::Complex:
      // Bitwise, so 0.0 and -0.0 stay apart and a NaN equals itself.
      return std::memcmp(&x.f, &y.f, sizeof(double)) == 0 &&
             (x.kind != ast::ConstKind::Complex || std::memcmp(&a.real, &b.real, sizeof(double)) == 0);
    case ast::ConstKind::BigInt:
    case ast::ConstKind::Str:
    case ast::ConstKind::Bytes:
      return x.s == y.s;
    default:
      return true;
  }
}

std::string constant_repr(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kValue:
      if (c.value.kind == ast::ConstKind::Complex && (c.real != 0 || std::signbit(c.real))) {
        // complex.__repr__: floats without a trailing ".0", the imaginary signed.
        auto fmt = [](double d) {
          std::string s = ast::repr_float(d);
          if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
          return s;
        };
        std::string im = fmt(c.value.f);
        if (im[0] != '-') im = "+" + im;
        return "(" + fmt(c.real) + im + "j)";
      }
      return ast::repr_constant(c.value);
    case Constant::Kind::kCode:
      return "<code object " + c.code->name + ">";
    case Constant::Kind::kTuple: {
      std::string s = "(";
      for (size_t i = 0; i < c.items.size(); i++) {
        if (i) s += ", ";
        s += constant_repr(c.items[i]);
      }
      if (c.items.size() == 1) s += ",";
      return s + ")";
    }
    case Constant::Kind::kFrozenSet: {
      if (c.items.empty()) return "frozenset()";
      std::string s = "frozenset({";
      for (size_t i = 0; i < c.items.size(); i++) {
        if (i) s += ", ";
        s += constant_repr(c.items[i]);
      }
      return s + "})";
    }
  }
  return "?";
}

const LocationEntry* CodeUnit::location_at(uint32_t offset) const {
  // Entries are sorted by start; binary search for the last start <= offset.
  size_t lo = 0, hi = locations.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (locations[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo == 0 ? nullptr : &locations[lo - 1];
}

int CodeUnit::line_at(uint32_t offset) const {
  const LocationEntry* e = location_at(offset);
  return e ? e->line : -1;
}

const ExceptionEntry* CodeUnit::handler_at(uint32_t offset) const {
  for (const ExceptionEntry& e : exception_table)
    if (e.start <= offset && offset < e.end) return &e;
  return nullptr;
}

}  // namespace pyrite::python::compile
