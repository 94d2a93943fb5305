// The match statement and its patterns (docs/compiler.md, "Pattern
// matching").
//
// Invariants: a pattern is compiled with its subject on top of the stack,
// `on_top` further values below it, and below those the values captured so
// far (one per name in `stores`, the first captured nearest the top). A
// capture is not stored when its subpattern matches: it is moved under the
// pending values and the earlier captures, and the names are stored only
// once the whole pattern has matched (before the guard), as CPython does, so
// a failed pattern binds nothing. On failure control reaches fail_pop[k]
// (k = the pending values plus the captures), which pops k values and
// continues at the failure target (the next case or alternative).
#include <algorithm>
#include <utility>

#include "python/compile/codegen.h"

namespace pyrite::python::compile {

using namespace ast;

struct Compiler::PatternContext {
  std::vector<int> fail_pop;
  int on_top = 0;
  bool allow_irrefutable = false;
  std::vector<std::string_view> stores;
};

namespace {

bool is_wildcard(PatternNode* p) {
  auto* a = as<MatchAs>(p);
  return a && !a->pattern && is_none(a->name);
}

bool is_star_wildcard(PatternNode* p) {
  auto* s = as<MatchStar>(p);
  return s && is_none(s->name);
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// Python equality of two mapping-pattern keys (CPython checks duplicates
// with a set, so 0, False, 0.0, -0 and 0j are the same key).
bool same_key(const Constant& a, const Constant& b) {
  if (a.kind != Constant::Kind::kValue || b.kind != Constant::Kind::kValue) return same_constant(a, b);
  using K = ast::ConstKind;
  // An exact integer (bools and ints), or a complex number in doubles.
  auto as_number = [](const Constant& c, bool* exact, int64_t* i, double* re, double* im) {
    switch (c.value.kind) {
      case K::True: *exact = true; *i = 1; return true;
      case K::False: *exact = true; *i = 0; return true;
      case K::Int: *exact = true; *i = c.value.i; return true;
      case K::Float: *exact = false; *re = c.value.f; *im = 0; return true;
      case K::Complex: *exact = false; *re = c.real; *im = c.value.f; return true;
      default: return false;
    }
  };
  bool ea, eb;
  int64_t ia = 0, ib = 0;
  double ra = 0, rb = 0, ima = 0, imb = 0;
  bool na = as_number(a, &ea, &ia, &ra, &ima), nb = as_number(b, &eb, &ib, &rb, &imb);
  if (na && nb) {
    if (ea && eb) return ia == ib;
    if (ea) std::swap(ea, eb), std::swap(ia, ib), std::swap(ra, rb), std::swap(ima, imb);
    // a is a double pair now; b exact or double.
    if (!eb) return ra == rb && ima == imb;
    if (ima != 0 || !(ra >= -9223372036854775808.0 && ra < 9223372036854775808.0)) return false;
    return ra == static_cast<double>(static_cast<int64_t>(ra)) && static_cast<int64_t>(ra) == ib;
  }
  if (na || nb) return false;
  return same_constant(a, b);
}

}  // namespace

namespace {

// Jumps to the failure target, popping `pops` pending values and every
// capture made so far.
void jump_fail(Compiler& c, Compiler::PatternContext& pc, int pops, Opcode op) {
  pops += static_cast<int>(pc.stores.size());
  while (static_cast<int>(pc.fail_pop.size()) <= pops) pc.fail_pop.push_back(c.new_label());
  c.emit_jump(op, pc.fail_pop[pops]);
}

// Binds the fail_pop chain: each label pops one value and falls into the next.
void emit_fail_pops(Compiler& c, Compiler::PatternContext& pc) {
  if (pc.fail_pop.empty()) return;
  for (size_t k = pc.fail_pop.size() - 1; k > 0; k--) {
    c.bind(pc.fail_pop[k]);
    c.emit(Opcode::POP_TOP);
  }
  c.bind(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

// Moves TOS down under the next count - 1 values.
void rotate(Compiler& c, int count) {
  while (count > 1) c.emit(Opcode::SWAP, count--);
}

// Exchanges the values at depths a < b (1 = TOS).
void exchange(Compiler& c, int a, int b) {
  if (a == 1) {
    c.emit(Opcode::SWAP, b);
    return;
  }
  c.emit(Opcode::SWAP, a);
  c.emit(Opcode::SWAP, b);
  c.emit(Opcode::SWAP, a);
}

}  // namespace

void Compiler::pattern(PatternNode* p, PatternContext& pc) {
  Location saved = u().loc;
  set_loc(p);
  auto store = [&](std::string_view name, const Node* at) {
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      error(at, "multiple assignments to name " + quoted(name) + " in pattern");
    // The captured value goes under the pending values and the earlier
    // captures; match_stmt stores the names.
    rotate(*this, pc.on_top + static_cast<int>(pc.stores.size()) + 1);
    pc.stores.push_back(name);
  };
  auto subpattern = [&](PatternNode* sub) {
    bool allow = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(sub, pc);
    pc.allow_irrefutable = allow;
  };

  switch (p->kind) {
    case Kind::MatchValue: {
      // The grammar's strings include f-strings, which are no literals.
      if (is<JoinedStr>(static_cast<MatchValue*>(p)->value))
        error(p, "patterns may only match literals and attribute lookups");
      expr(static_cast<MatchValue*>(p)->value);
      emit(Opcode::COMPARE_OP, static_cast<int>(CompareArg::kEq));
      jump_fail(*this, pc, pc.on_top, Opcode::POP_JUMP_IF_FALSE);
      break;
    }
    case Kind::MatchSingleton: {
      load_const_value(static_cast<MatchSingleton*>(p)->value);
      emit(Opcode::IS_OP, 0);
      jump_fail(*this, pc, pc.on_top, Opcode::POP_JUMP_IF_FALSE);
      break;
    }
    case Kind::MatchAs: {
      auto* a = static_cast<MatchAs*>(p);
      if (!a->pattern) {
        if (!pc.allow_irrefutable) {
          if (is_none(a->name)) error(p, "wildcard makes remaining patterns unreachable");
          error(p, "name capture " + quoted(a->name) + " makes remaining patterns unreachable");
        }
        if (is_none(a->name)) emit(Opcode::POP_TOP);
        else store(a->name, p);
        break;
      }
      emit(Opcode::COPY, 1);
      pc.on_top++;
      pattern(a->pattern, pc);
      pc.on_top--;
      store(a->name, p);
      break;
    }
    case Kind::MatchStar:
      error(p, "can't use starred name here");
    case Kind::MatchSequence: {
      auto* s = static_cast<MatchSequence*>(p);
      int size = static_cast<int>(s->patterns.size);
      int star = -1;
      bool only_wildcard = true, star_wildcard = false;
      for (int i = 0; i < size; i++) {
        PatternNode* sub = s->patterns[i];
        if (is<MatchStar>(sub)) {
          if (star >= 0) error(sub, "multiple starred names in sequence pattern");
          star = i;
          star_wildcard = is_star_wildcard(sub);
          only_wildcard &= star_wildcard;
        } else {
          only_wildcard &= is_wildcard(sub);
        }
      }
      emit(Opcode::MATCH_SEQUENCE);
      jump_fail(*this, pc, pc.on_top + 1, Opcode::POP_JUMP_IF_FALSE);
      if (star < 0 || !(star_wildcard && size == 1)) {
        emit(Opcode::GET_LEN);
        ast::ConstValue n;
        n.kind = ConstKind::Int;
        n.i = star < 0 ? size : size - 1;
        load_const_value(n);
        emit(Opcode::COMPARE_OP, static_cast<int>(star < 0 ? CompareArg::kEq : CompareArg::kGe));
        jump_fail(*this, pc, pc.on_top + 1, Opcode::POP_JUMP_IF_FALSE);
      }
      if (only_wildcard) {
        emit(Opcode::POP_TOP);
        break;
      }
      if (star_wildcard) {
        // A `*_` does not materialize the rest: as CPython, take the other
        // items by index (from the end through len() - k, since the subject
        // may not take negative indices), keeping the subject meanwhile.
        pc.on_top++;
        for (int i = 0; i < size; i++) {
          PatternNode* sub = s->patterns[i];
          if (i == star || is_wildcard(sub)) continue;
          emit(Opcode::COPY, 1);
          ast::ConstValue k;
          k.kind = ConstKind::Int;
          if (i < star) {
            k.i = i;
            load_const_value(k);
          } else {
            emit(Opcode::GET_LEN);
            k.i = size - i;
            load_const_value(k);
            emit(Opcode::BINARY_OP, static_cast<int>(Operator::Sub));
          }
          emit(Opcode::BINARY_SUBSCR);
          subpattern(sub);
        }
        pc.on_top--;
        emit(Opcode::POP_TOP);
        break;
      }
      if (star < 0) emit(Opcode::UNPACK_SEQUENCE, size);
      else emit(Opcode::UNPACK_EX, star + ((size - star - 1) << 8));
      pc.on_top += size;
      for (int i = 0; i < size; i++) {
        pc.on_top--;
        PatternNode* sub = s->patterns[i];
        if (auto* st = as<MatchStar>(sub)) {
          if (is_none(st->name)) emit(Opcode::POP_TOP);
          else store(st->name, sub);
        } else {
          subpattern(sub);
        }
      }
      break;
    }
    case Kind::MatchMapping: {
      auto* m = static_cast<MatchMapping*>(p);
      uint32_t n = m->keys.size;
      emit(Opcode::MATCH_MAPPING);
      jump_fail(*this, pc, pc.on_top + 1, Opcode::POP_JUMP_IF_FALSE);
      if (n == 0 && is_none(m->rest)) {
        emit(Opcode::POP_TOP);
        break;
      }
      if (n > 0) {
        emit(Opcode::GET_LEN);
        ast::ConstValue c;
        c.kind = ConstKind::Int;
        c.i = n;
        load_const_value(c);
        emit(Opcode::COMPARE_OP, static_cast<int>(CompareArg::kGe));
        jump_fail(*this, pc, pc.on_top + 1, Opcode::POP_JUMP_IF_FALSE);
      }
      // The keys: literals (checked for duplicates) or attribute lookups.
      Constant keys;
      keys.kind = Constant::Kind::kTuple;
      bool all_const = true;
      for (uint32_t i = 0; i < n; i++) {
        ExprNode* k = m->keys[i];
        Constant c;
        if (fold(k, &c)) {
          for (const Constant& seen : keys.items)
            if (same_key(seen, c)) error(p, "mapping pattern checks duplicate key (" + constant_repr(c) + ")");
          keys.items.push_back(std::move(c));
        } else if (is<Attribute>(k)) {
          all_const = false;
        } else {
          error(k, "mapping pattern keys may only match literals and attribute lookups");
        }
      }
      if (all_const) {
        load_const(keys);
      } else {
        exprs(m->keys);
        emit(Opcode::BUILD_TUPLE, static_cast<int>(n));
      }
      emit(Opcode::MATCH_KEYS);
      emit(Opcode::COPY, 1);
      jump_fail(*this, pc, pc.on_top + 3, Opcode::POP_JUMP_IF_NONE);
      emit(Opcode::UNPACK_SEQUENCE, static_cast<int>(n));
      int saved_top = pc.on_top;
      pc.on_top += 2 + static_cast<int>(n);
      for (uint32_t i = 0; i < n; i++) {
        pc.on_top--;
        subpattern(m->patterns[i]);
      }
      pc.on_top = saved_top;
      if (!is_none(m->rest)) {
        emit(Opcode::COPY_DICT_WITHOUT_KEYS);
        emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);  // the subject
        store(m->rest, p);
      } else {
        emit(Opcode::POP_TOP);
        emit(Opcode::POP_TOP);
      }
      break;
    }
    case Kind::MatchClass: {
      auto* c = static_cast<MatchClass*>(p);
      uint32_t nargs = c->patterns.size, nattrs = c->kwd_attrs.size;
      if (nattrs != c->kwd_patterns.size)
        error(p, "kwd_attrs (" + std::to_string(nattrs) + ") / kwd_patterns (" +
                     std::to_string(c->kwd_patterns.size) + ") length mismatch in class pattern");
      Constant names;
      names.kind = Constant::Kind::kTuple;
      for (uint32_t i = 0; i < nattrs; i++) {
        for (uint32_t j = i + 1; j < nattrs; j++)
          if (c->kwd_attrs[i] == c->kwd_attrs[j])
            error(c->kwd_patterns[j], "attribute name repeated in class pattern: " + std::string(c->kwd_attrs[j]));
        ast::ConstValue v;
        v.kind = ConstKind::Str;
        v.s = c->kwd_attrs[i];
        names.items.push_back(Constant::of(v));
      }
      expr(c->cls);
      load_const(names);
      emit(Opcode::MATCH_CLASS, static_cast<int>(nargs));
      emit(Opcode::COPY, 1);
      jump_fail(*this, pc, pc.on_top + 1, Opcode::POP_JUMP_IF_NONE);
      emit(Opcode::UNPACK_SEQUENCE, static_cast<int>(nargs + nattrs));
      pc.on_top += static_cast<int>(nargs + nattrs);
      for (uint32_t i = 0; i < nargs + nattrs; i++) {
        pc.on_top--;
        PatternNode* sub = i < nargs ? c->patterns[i] : c->kwd_patterns[i - nargs];
        if (is_wildcard(sub)) emit(Opcode::POP_TOP);
        else subpattern(sub);
      }
      break;
    }
    case Kind::MatchOr: {
      // Each alternative captures above the subject (its own context); the
      // captures of the one that matched are put in the first alternative's
      // order and then moved under the outer pending values and captures.
      auto* o = static_cast<MatchOr*>(p);
      int success = new_label();
      std::vector<std::string_view> control;
      uint32_t n = o->patterns.size;
      for (uint32_t i = 0; i < n; i++) {
        PatternContext alt;
        alt.allow_irrefutable = i + 1 == n && pc.allow_irrefutable;
        set_loc(o->patterns[i]);
        emit(Opcode::COPY, 1);
        pattern(o->patterns[i], alt);
        std::vector<std::string_view> names = alt.stores;
        if (i == 0) {
          control = names;
        } else {
          std::vector<std::string_view> a = names, b = control;
          std::sort(a.begin(), a.end());
          std::sort(b.begin(), b.end());
          if (a != b) error(o->patterns[i], "alternative patterns bind different names");
          // names[k] is at depth k + 1; bring control[k] there.
          for (size_t k = 0; k < control.size(); k++) {
            size_t at = std::find(names.begin(), names.end(), control[k]) - names.begin();
            if (at == k) continue;
            exchange(*this, static_cast<int>(k) + 1, static_cast<int>(at) + 1);
            std::swap(names[k], names[at]);
          }
        }
        emit_jump(Opcode::JUMP, success);
        emit_fail_pops(*this, alt);
      }
      // No alternative matched: the subject is still there.
      jump_fail(*this, pc, pc.on_top + 1, Opcode::JUMP);
      bind(success);
      // [outer captures, pending, subject, control[last] ... control[0]]:
      // each rotation moves the top one (the first captured) deepest.
      int rots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
      for (std::string_view name : control) {
        rotate(*this, rots);
        if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
          error(p, "multiple assignments to name " + quoted(name) + " in pattern");
        pc.stores.push_back(name);
      }
      emit(Opcode::POP_TOP);  // the subject
      break;
    }
    default:
      error(p, "unknown pattern kind");
  }
  u().loc = saved;
}

void Compiler::match_stmt(Match* s) {
  expr(s->subject);
  int end = new_label();
  uint32_t n = s->cases.size;
  for (uint32_t i = 0; i < n; i++) {
    MatchCase* mc = s->cases[i];
    bool last = i + 1 == n;
    set_loc(mc->pattern);
    if (!last) emit(Opcode::COPY, 1);
    PatternContext pc;
    pc.allow_irrefutable = mc->guard != nullptr || last;
    pattern(mc->pattern, pc);
    // It matched: store the captures (the first captured is on top).
    for (std::string_view name : pc.stores) nameop(name, ExprContext::Store);
    pc.stores.clear();
    if (mc->guard) {
      while (pc.fail_pop.empty()) pc.fail_pop.push_back(new_label());
      jump_if(mc->guard, pc.fail_pop[0], false);
    }
    if (!last) emit(Opcode::POP_TOP);  // the subject
    stmts(mc->body);
    no_loc();
    emit_jump(Opcode::JUMP, end);
    emit_fail_pops(*this, pc);
  }
  bind(end);
}

}  // namespace pyrite::python::compile
