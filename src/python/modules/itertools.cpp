// The itertools module: CPython 3.11's iterator building blocks as native
// types (docs/modules.md, "itertools").
//
// Every iterator is a GC object whose fields are the state CPython keeps,
// so the order in which inputs are consumed, what an exhausted or failed
// iterator does next, and the messages are CPython's. Two rules hold in
// every __next__: an exception from an input propagates and leaves the
// object in the state CPython leaves it in, and a field is re-read after
// every call into Python code (a key function, __eq__, an input's
// __next__ may re-enter the same object and change it).
#include <cstring>
#include <optional>
#include <string>

#include "gc/heap.h"
#include "python/objects/descriptors.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/iterators.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"
#include "python/interp/interp.h"

namespace pyrite::python {

namespace {

// ---- argument helpers --------------------------------------------------------------------------

int64_t kw_count(Tuple* kwnames) { return kwnames ? kwnames->length : 0; }

bool name_is(Value name, const char* s) {
  Str* n = name.as<Str>();
  size_t len = std::strlen(s);
  return n->ascii && size_t(n->length) == len && std::memcmp(n->data(), s, len) == 0;
}

// The check CPython makes for types whose __new__ takes no keywords: only
// when the type's __init__ is the builtin's (a subclass that defines
// __init__ may take keywords through it).
bool no_keywords(Type* type, Type* builtin, const char* fname, Tuple* kwnames) {
  if (kw_count(kwnames) == 0) return true;
  if (type != builtin && type->slots.init != builtin->slots.init) return true;
  raisef(exc::TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

// PyNumber_Check: int, float, complex and classes with __index__, __int__ or __float__.
bool is_number(Value v) {
  Type* t = type_of(v);
  return t->slots.index || t->slots.int_ || t->slots.float_ || isinstance(v, types::complex);
}

// Stores a reference into a live object (docs/gc.md, "Stores").
void store(Object* owner, Value* field, Value v) {
  gc::write_barrier(owner, field, v.is_object() ? v.object() : nullptr);
  *field = v;
}
template <class T>
void store(Object* owner, T** field, T* v) {
  gc::store_ref(owner, field, v);
}

std::string name_of(Value self) { return str_to_utf8(type_of(self)->name); }

// "name(a)" / "name(a, b)" with the reprs of a and b.
Value call_repr(Value self, Value a, Value b) {
  Value ra = repr(a);
  if (!ra) return {};
  std::string s = name_of(self) + "(" + str_to_utf8(ra.as<Str>());
  if (b) {
    Value rb = repr(b);
    if (!rb) return {};
    s += ", " + str_to_utf8(rb.as<Str>());
  }
  return str_from_utf8(s + ")");
}

template <class T>
T* new_instance(Type* type) {
  return static_cast<T*>(alloc_instance(type));
}

// ---- the types -----------------------------------------------------------------------------

Type* g_count = nullptr;
Type* g_cycle = nullptr;
Type* g_repeat = nullptr;
Type* g_accumulate = nullptr;
Type* g_chain = nullptr;
Type* g_compress = nullptr;
Type* g_dropwhile = nullptr;
Type* g_takewhile = nullptr;
Type* g_filterfalse = nullptr;
Type* g_starmap = nullptr;
Type* g_groupby = nullptr;
Type* g_grouper = nullptr;
Type* g_islice = nullptr;
Type* g_pairwise = nullptr;
Type* g_tee = nullptr;
Type* g_tee_data = nullptr;
Type* g_zip_longest = nullptr;
Type* g_product = nullptr;
Type* g_permutations = nullptr;
Type* g_combinations = nullptr;
Type* g_cwr = nullptr;

// ---- count -------------------------------------------------------------------------------------
// CPython counts in a machine word while start is an int and step is 1 (its
// "fast mode"): the values are then plain ints even for count(True). The
// constructor normalizes such a start to a plain int; after that one rule
// serves both modes: return cnt, then cnt = cnt + step.

struct Count : Object {
  Value cnt;
  Value step;
  bool fast;  // CPython's fast mode at construction (decides __reduce__'s form)
  uint8_t pad[7];
};

void trace_count(void* p, gc::Visitor& v) {
  auto* o = static_cast<Count*>(p);
  v.visit(o->type);
  visit_value(v, o->cnt);
  visit_value(v, o->step);
}

bool int_is_one(Value v) {
  if (!is_int(v)) return false;
  auto i = int_to_i64(v);
  return i && *i == 1;
}

Value count_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"start", "step"};
  Value a[2];
  if (!parse_args({"count", kNames, 0, 0, -1, true}, args, nargs, kwnames,
                  {&a[0], &a[1]}))
    return {};
  Value start = a[0], step = a[1];
  if ((start && !is_number(start)) || (step && !is_number(step))) {
    return raise(exc::TypeError, "a number is required");
  }
  if (!start) start = Value::small(0);
  if (!step) step = Value::small(1);
  bool fast = false;
  if (is_int(start) && int_is_one(step)) {
    auto s = int_to_i64(start);
    if (s) {
      start = int_from_i64(*s);
      step = Value::small(1);
      fast = true;
    }
  }
  auto* c = new_instance<Count>(type);
  c->cnt = start;
  c->step = step;
  c->fast = fast;
  return c;
}

Value count_next(Value self) {
  auto* c = self.as<Count>();
  Value cur = c->cnt;
  Value step = c->step;
  Value next = cur.is_small() && step.is_small() ? int_from_i64(cur.small_value() + step.small_value())
                                                 : binary_op(BinaryOp::kAdd, cur, step);
  if (!next) return {};
  store(c, &c->cnt, next);
  return cur;
}

Value count_repr(Value self) {
  auto* c = self.as<Count>();
  return call_repr(self, c->cnt, int_is_one(c->step) ? Value() : c->step);
}

// (type, (cnt,)) while counting in CPython's machine word, else (type, (cnt, step)).
Value count_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Count>();
  auto cnt = c->fast && is_int(c->cnt) ? int_to_i64(c->cnt) : std::nullopt;
  Tuple* args = cnt && *cnt != INT64_MAX ? tuple_of({c->cnt}) : tuple_of({c->cnt, c->step});
  return tuple_of({type_of(self), args});
}

// ---- cycle ---------------------------------------------------------------------------------------
// The first pass saves the items in a list (the list __reduce__ hands out,
// as CPython's); later passes replay it. `firstpass` is __setstate__'s
// flag: the list already holds what the input iterator will give, so
// those items are not saved again.

struct Cycle : Object {
  Value it;          // null once exhausted
  List* saved;
  int64_t index;
  bool firstpass;
  uint8_t pad[7];
};

void trace_cycle(void* p, gc::Visitor& v) {
  auto* o = static_cast<Cycle*>(p);
  v.visit(o->type);
  visit_value(v, o->it);
  v.visit(o->saved);
}

Value cycle_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords(type, g_cycle, "cycle", kwnames) || !check_nargs("cycle", nargs, 1, 1)) return {};
  Value it = get_iter(args[0]);
  if (!it) return {};
  List* saved = list_new();
  if (!saved) return {};
  auto* c = new_instance<Cycle>(type);
  c->it = it;
  c->saved = saved;
  return c;
}

Value cycle_next(Value self) {
  auto* c = self.as<Cycle>();
  if (c->it) {
    Value item = iter_next(c->it);
    if (item) {
      if (c->firstpass) return item;
      return list_append(c->saved, item) ? item : Value();
    }
    if (has_error()) return {};
    c->it = Value();
  }
  List* saved = c->saved;
  int64_t n = list_size(saved);
  if (n == 0) return {};
  if (c->index >= n) c->index = 0;   // the list was shortened from outside
  Value item = list_item(saved, c->index);
  c->index = c->index + 1 >= n ? 0 : c->index + 1;
  return item;
}

// ---- repeat ----------------------------------------------------------------------------------------

struct Repeat : Object {
  Value element;
  int64_t cnt;  // -1: forever
};

void trace_repeat(void* p, gc::Visitor& v) {
  auto* o = static_cast<Repeat*>(p);
  v.visit(o->type);
  visit_value(v, o->element);
}

Value repeat_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"object", "times"};
  Value a[2];
  if (!parse_args({"repeat", kNames, 1, 0, -1, true}, args, nargs, kwnames,
                  {&a[0], &a[1]}))
    return {};
  int64_t cnt = -1;
  if (a[1]) {
    if (!arg_ssize(a[1], &cnt)) return {};
    if (cnt < 0) cnt = 0;
  }
  auto* r = new_instance<Repeat>(type);
  r->element = a[0];
  r->cnt = cnt;
  return r;
}

Value repeat_next(Value self) {
  auto* r = self.as<Repeat>();
  if (r->cnt == 0) return {};
  if (r->cnt > 0) r->cnt--;
  return r->element;
}

Value repeat_repr(Value self) {
  auto* r = self.as<Repeat>();
  int64_t cnt = r->cnt;
  return call_repr(self, r->element, cnt < 0 ? Value() : int_from_i64(cnt));
}

Value repeat_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Repeat>();
  Tuple* args = r->cnt < 0 ? tuple_of({r->element}) : tuple_of({r->element, int_from_i64(r->cnt)});
  return tuple_of({type_of(self), args});
}

Value repeat_length_hint(Value self, const Value*, size_t, Tuple*) {
  auto* r = self.as<Repeat>();
  if (r->cnt < 0) return raise(exc::TypeError, "len() of unsized object");
  return int_from_i64(r->cnt);
}

// ---- accumulate ------------------------------------------------------------------------------------

struct Accumulate : Object {
  Value it;
  Value func;     // null: +
  Value total;    // null before the first item
  Value initial;  // null: none (or already produced)
};

void trace_accumulate(void* p, gc::Visitor& v) {
  auto* o = static_cast<Accumulate*>(p);
  v.visit(o->type);
  visit_value(v, o->it);
  visit_value(v, o->func);
  visit_value(v, o->total);
  visit_value(v, o->initial);
}

Value accumulate_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"iterable", "func", "initial"};
  Value a[3];
  if (!parse_args({"accumulate", kNames, 1, 0, 2, true}, args, nargs, kwnames,
                  {&a[0], &a[1], &a[2]}))
    return {};
  Value it = get_iter(a[0]);
  if (!it) return {};
  auto* acc = new_instance<Accumulate>(type);
  acc->it = it;
  acc->func = a[1] && !is_none(a[1]) ? a[1] : Value();
  acc->initial = a[2] && !is_none(a[2]) ? a[2] : Value();
  return acc;
}

Value accumulate_next(Value self) {
  auto* acc = self.as<Accumulate>();
  if (Value init = acc->initial) {
    acc->initial = Value();
    store(acc, &acc->total, init);
    return init;
  }
  Value item = iter_next(acc->it);
  if (!item) return {};
  Value total = acc->total;
  if (!total) {
    store(acc, &acc->total, item);
    return item;
  }
  Value next = acc->func ? call2(acc->func, total, item) : binary_op(BinaryOp::kAdd, total, item);
  if (!next) return {};
  store(acc, &acc->total, next);
  return next;
}

// ---- chain -----------------------------------------------------------------------------------------

struct Chain : Object {
  Value source;  // iterator over the iterables; null once done
  Value active;  // iterator of the current iterable, or null
};

void trace_chain(void* p, gc::Visitor& v) {
  auto* o = static_cast<Chain*>(p);
  v.visit(o->type);
  visit_value(v, o->source);
  visit_value(v, o->active);
}

Value chain_of(Type* type, Value source) {
  auto* c = new_instance<Chain>(type);
  c->source = source;
  return c;
}

Value chain_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords(type, g_chain, "chain", kwnames)) return {};
  Tuple* iterables = tuple_from_array(args, int64_t(nargs));
  if (!iterables) return {};
  Value source = get_iter(iterables);
  if (!source) return {};
  return chain_of(type, source);
}

Value chain_from_iterable(Value cls, const Value* args, size_t, Tuple*) {
  Value source = get_iter(args[0]);
  if (!source) return {};
  return chain_of(cls.as<Type>(), source);
}

Value chain_next(Value self) {
  auto* c = self.as<Chain>();
  while (Value source = c->source) {
    if (!c->active) {
      Value iterable = iter_next(source);
      if (!iterable) {
        c->source = Value();
        return {};
      }
      Value it = get_iter(iterable);
      if (!it) {
        c->source = Value();
        return {};
      }
      store(c, &c->active, it);
    }
    Value item = iter_next(c->active);
    if (item) return item;
    if (has_error()) return {};
    c->active = Value();
  }
  return {};
}

// ---- compress --------------------------------------------------------------------------------------

struct Compress : Object {
  Value data;
  Value selectors;
};

void trace_compress(void* p, gc::Visitor& v) {
  auto* o = static_cast<Compress*>(p);
  v.visit(o->type);
  visit_value(v, o->data);
  visit_value(v, o->selectors);
}

Value compress_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"data", "selectors"};
  Value a[2];
  if (!parse_args({"compress", kNames, 2, 0, -1, true}, args, nargs, kwnames,
                  {&a[0], &a[1]}))
    return {};
  Value data = get_iter(a[0]);
  if (!data) return {};
  Value selectors = get_iter(a[1]);
  if (!selectors) return {};
  auto* c = new_instance<Compress>(type);
  c->data = data;
  c->selectors = selectors;
  return c;
}

Value compress_next(Value self) {
  auto* c = self.as<Compress>();
  for (;;) {
    // The datum first, then its selector: the order the Python
    // equivalent consumes them in.
    Value datum = iter_next(c->data);
    if (!datum) return {};
    Value selector = iter_next(c->selectors);
    if (!selector) return {};
    int ok = truth(selector);
    if (ok < 0) return {};
    if (ok) return datum;
  }
}

// ---- dropwhile, takewhile, filterfalse, starmap ----------------------------------------------------
// A function and an iterator, plus dropwhile's "started" / takewhile's
// "stopped" flag.

struct FuncIter : Object {
  Value func;
  Value it;
  int64_t flag;
};

void trace_func_iter(void* p, gc::Visitor& v) {
  auto* o = static_cast<FuncIter*>(p);
  v.visit(o->type);
  visit_value(v, o->func);
  visit_value(v, o->it);
}

Value func_iter_new(Type* type, Type* builtin, const char* fname, const Value* args, size_t nargs,
                    Tuple* kwnames) {
  if (!no_keywords(type, builtin, fname, kwnames) || !check_nargs(fname, nargs, 2, 2)) return {};
  Value it = get_iter(args[1]);
  if (!it) return {};
  auto* f = new_instance<FuncIter>(type);
  f->func = args[0];
  f->it = it;
  return f;
}

Value dropwhile_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return func_iter_new(type, g_dropwhile, "dropwhile", args, nargs, kwnames);
}
Value takewhile_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return func_iter_new(type, g_takewhile, "takewhile", args, nargs, kwnames);
}
Value filterfalse_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return func_iter_new(type, g_filterfalse, "filterfalse", args, nargs, kwnames);
}
Value starmap_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return func_iter_new(type, g_starmap, "starmap", args, nargs, kwnames);
}

// truth(func(item)): 1, 0, -1.
int predicate(Value func, Value item) {
  Value r = call1(func, item);
  return r ? truth(r) : -1;
}

Value dropwhile_next(Value self) {
  auto* f = self.as<FuncIter>();
  for (;;) {
    Value item = iter_next(f->it);
    if (!item) return {};
    if (f->flag) return item;
    int ok = predicate(f->func, item);
    if (ok < 0) return {};
    if (!ok) {
      f->flag = 1;
      return item;
    }
  }
}

Value takewhile_next(Value self) {
  auto* f = self.as<FuncIter>();
  if (f->flag) return {};
  Value item = iter_next(f->it);
  if (!item) return {};
  int ok = predicate(f->func, item);
  if (ok > 0) return item;
  if (ok == 0) f->flag = 1;
  return {};
}

Value filterfalse_next(Value self) {
  auto* f = self.as<FuncIter>();
  for (;;) {
    Value item = iter_next(f->it);
    if (!item) return {};
    Value func = f->func;
    int ok = is_none(func) || func.is(types::bool_) ? truth(item) : predicate(func, item);
    if (ok < 0) return {};
    if (!ok) return item;
  }
}

Value starmap_next(Value self) {
  auto* f = self.as<FuncIter>();
  Value args = iter_next(f->it);
  if (!args) return {};
  Tuple* t = is_exact_tuple(args) ? args.as<Tuple>() : tuple_from_iterable(args);
  if (!t) return {};
  return call(f->func, t->items(), size_t(t->length));
}

// ---- groupby and _grouper --------------------------------------------------------------------------
// groupby holds the current item and its key; the _grouper it hands out
// for a group reads items through it while it is the parent's current
// grouper, so advancing the groupby ends every earlier group.

struct GroupBy : Object {
  Value it;
  Value keyfunc;      // null: identity
  Value tgtkey;       // key of the current group
  Value currkey;      // key of currvalue
  Value currvalue;    // the item read ahead, null when consumed
  Object* currgrouper;
};

struct Grouper : Object {
  GroupBy* parent;
  Value tgtkey;
};

void trace_groupby(void* p, gc::Visitor& v) {
  auto* o = static_cast<GroupBy*>(p);
  v.visit(o->type);
  visit_value(v, o->it);
  visit_value(v, o->keyfunc);
  visit_value(v, o->tgtkey);
  visit_value(v, o->currkey);
  visit_value(v, o->currvalue);
  v.visit(o->currgrouper);
}

void trace_grouper(void* p, gc::Visitor& v) {
  auto* o = static_cast<Grouper*>(p);
  v.visit(o->type);
  v.visit(o->parent);
  visit_value(v, o->tgtkey);
}

Value groupby_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"iterable", "key"};
  Value a[2];
  if (!parse_args({"groupby", kNames, 1, 0, -1, true}, args, nargs, kwnames,
                  {&a[0], &a[1]}))
    return {};
  Value it = get_iter(a[0]);
  if (!it) return {};
  auto* g = new_instance<GroupBy>(type);
  g->it = it;
  g->keyfunc = a[1] && !is_none(a[1]) ? a[1] : Value();
  return g;
}

// Reads the next item and its key into currvalue/currkey. False at the end
// (no error) or on error.
bool groupby_step(GroupBy* g) {
  Value item = iter_next(g->it);
  if (!item) return false;
  Value key = item;
  if (g->keyfunc) {
    key = call1(g->keyfunc, item);
    if (!key) return false;
  }
  store(g, &g->currvalue, item);
  store(g, &g->currkey, key);
  return true;
}

Grouper* grouper_create(GroupBy* parent, Value tgtkey) {
  auto* gr = allocate<Grouper>(g_grouper->instance_layout, g_grouper);
  gr->parent = parent;
  gr->tgtkey = tgtkey;
  store(parent, &parent->currgrouper, static_cast<Object*>(gr));
  return gr;
}

Value groupby_next(Value self) {
  auto* g = self.as<GroupBy>();
  g->currgrouper = nullptr;
  // Skip what is left of the current group.
  for (;;) {
    if (g->currkey) {
      if (!g->tgtkey) break;
      int same = equal(g->tgtkey, g->currkey);
      if (same < 0) return {};
      if (!same) break;
    }
    if (!groupby_step(g)) return {};
  }
  Value key = g->currkey;
  if (!key) return {};  // emptied by a re-entrant call during the comparison
  store(g, &g->tgtkey, key);
  Grouper* gr = grouper_create(g, key);
  return tuple_of({key, gr});
}

Value grouper_new(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_grouper", kwnames) || !check_nargs("_grouper", nargs, 2, 2)) return {};
  if (!isinstance(args[0], g_groupby)) {
    return raisef(exc::TypeError, "_grouper() argument 1 must be itertools.groupby, not %s",
                  type_name(args[0]).c_str());
  }
  return grouper_create(args[0].as<GroupBy>(), args[1]);
}

Value grouper_next(Value self) {
  auto* gr = self.as<Grouper>();
  GroupBy* g = gr->parent;
  if (g->currgrouper != gr) return {};
  if (!g->currvalue && !groupby_step(g)) return {};
  Value key = g->currkey;
  if (!key) return {};
  int same = equal(gr->tgtkey, key);
  if (same <= 0) return {};
  Value item = g->currvalue;
  g->currvalue = Value();
  g->currkey = Value();
  return item;  // null (the end) if a re-entrant call consumed it
}

// ---- islice ----------------------------------------------------------------------------------------

struct ISlice : Object {
  Value it;      // null once exhausted
  int64_t next;  // index of the next item to return
  int64_t stop;  // -1: none
  int64_t step;
  int64_t cnt;   // items consumed so far
};

void trace_islice(void* p, gc::Visitor& v) {
  auto* o = static_cast<ISlice*>(p);
  v.visit(o->type);
  visit_value(v, o->it);
}

// An islice bound as CPython reads it: -1 when it is not an int in int64
// (the error is dropped; the caller turns -1 into its own message).
int64_t islice_bound(Value v) {
  int64_t n;
  if (arg_ssize(v, &n)) return n;
  clear_error();
  return -1;
}

Value islice_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords(type, g_islice, "islice", kwnames) || !check_nargs("islice", nargs, 2, 4))
    return {};
  static const char kStopMsg[] =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (!is_none(args[1])) {
      stop = islice_bound(args[1]);
      if (stop == -1) return raise(exc::ValueError, kStopMsg);
    }
  } else {
    if (!is_none(args[1])) start = islice_bound(args[1]);
    if (!is_none(args[2])) {
      stop = islice_bound(args[2]);
      if (stop == -1) return raise(exc::ValueError, kStopMsg);
    }
  }
  if (start < 0 || stop < -1) {
    return raise(exc::ValueError,
                 "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (nargs == 4 && !is_none(args[3])) step = islice_bound(args[3]);
  if (step < 1) return raise(exc::ValueError, "Step for islice() must be a positive integer or None.");
  Value it = get_iter(args[0]);
  if (!it) return {};
  auto* s = new_instance<ISlice>(type);
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return s;
}

Value islice_next(Value self) {
  auto* s = self.as<ISlice>();
  Value it = s->it;
  if (!it) return {};
  int64_t stop = s->stop;
  while (s->cnt < s->next) {
    if (!iter_next(it)) {
      s->it = Value();
      return {};
    }
    s->cnt++;
  }
  if (stop != -1 && s->cnt >= stop) {
    s->it = Value();
    return {};
  }
  Value item = iter_next(it);
  if (!item) {
    s->it = Value();
    return {};
  }
  s->cnt++;
  int64_t old = s->next;
  s->next = int64_t(uint64_t(old) + uint64_t(s->step));
  if (s->next < old || (stop != -1 && s->next > stop)) s->next = stop;
  return item;
}

// ---- pairwise --------------------------------------------------------------------------------------

struct Pairwise : Object {
  Value it;   // null once exhausted
  Value old;  // the previous item
};

void trace_pairwise(void* p, gc::Visitor& v) {
  auto* o = static_cast<Pairwise*>(p);
  v.visit(o->type);
  visit_value(v, o->it);
  visit_value(v, o->old);
}

Value pairwise_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords(type, g_pairwise, "pairwise", kwnames) || !check_nargs("pairwise", nargs, 1, 1))
    return {};
  Value it = get_iter(args[0]);
  if (!it) return {};
  auto* pw = new_instance<Pairwise>(type);
  pw->it = it;
  return pw;
}

Value pairwise_next(Value self) {
  auto* pw = self.as<Pairwise>();
  Value it = pw->it;
  if (!it) return {};
  Value old = pw->old;
  if (!old) {
    old = iter_next(it);
    if (!old) {
      pw->it = Value();
      return {};
    }
    store(pw, &pw->old, old);
  }
  Value item = iter_next(it);
  if (!item) {
    pw->it = Value();
    pw->old = Value();
    return {};
  }
  store(pw, &pw->old, item);
  return tuple_of({old, item});
}

// ---- tee ---------------------------------------------------------------------------------------------
// The tees of one iterator share a linked list of buffers of kLinkCells
// items; each tee is a (buffer, index) cursor into it. The lead tee reads
// the source; the others replay the buffers, which die once every tee has
// moved past them.

constexpr int kLinkCells = 57;

struct TeeData : Object {
  Value it;
  TeeData* next;
  int32_t numread;
  bool running;  // reading the source: a re-entrant read is refused
  uint8_t pad[3];
  Value values[kLinkCells];
};

struct Tee : Object {
  TeeData* data;
  int64_t index;
};

void trace_tee_data(void* p, gc::Visitor& v) {
  auto* o = static_cast<TeeData*>(p);
  v.visit(o->type);
  visit_value(v, o->it);
  v.visit(o->next);
  for (int i = 0; i < kLinkCells; i++) visit_value(v, o->values[i]);
}

void trace_tee(void* p, gc::Visitor& v) {
  auto* o = static_cast<Tee*>(p);
  v.visit(o->type);
  v.visit(o->data);
}

TeeData* tee_data_new(Value it) {
  auto* d = allocate<TeeData>(g_tee_data->instance_layout, g_tee_data);
  d->it = it;
  return d;
}

Value tee_data_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("teedataobject", kwnames) || !check_nargs("teedataobject", nargs, 3, 3))
    return {};
  if (!is_list(args[1])) {
    return raisef(exc::TypeError, "teedataobject() argument 2 must be list, not %s",
                  type_name(args[1]).c_str());
  }
  auto* values = args[1].as<List>();
  Value next = args[2];
  int64_t n = values->length;
  bool next_ok = is_none(next) || (n == kLinkCells && type_of(next) == g_tee_data);
  if (n > kLinkCells || !next_ok) return raise(exc::ValueError, "Invalid arguments");
  TeeData* d = tee_data_new(args[0]);
  for (int64_t i = 0; i < n && i < values->length; i++) {
    Value x = list_get(values, i);
    if (!x) return {};
    d->values[i] = x;
    d->numread = int32_t(i + 1);
  }
  if (!is_none(next)) d->next = next.as<TeeData>();
  return d;
}

Tee* tee_new_at(TeeData* data, int64_t index) {
  auto* t = allocate<Tee>(g_tee->instance_layout, g_tee);
  t->data = data;
  t->index = index;
  return t;
}

Value tee_copy(Value self, const Value* = nullptr, size_t = 0, Tuple* = nullptr) {
  auto* t = self.as<Tee>();
  return tee_new_at(t->data, t->index);
}

Value tee_from_iterable(Value iterable) {
  Value it = get_iter(iterable);
  if (!it) return {};
  if (type_of(it) == g_tee) return tee_copy(it);
  return tee_new_at(tee_data_new(it), 0);
}

Value tee_new_slot(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_tee", kwnames) || !check_nargs("_tee", nargs, 1, 1)) return {};
  return tee_from_iterable(args[0]);
}

Value tee_next(Value self) {
  auto* t = self.as<Tee>();
  if (t->index >= kLinkCells) {
    TeeData* d = t->data;
    if (!d->next) store(d, &d->next, tee_data_new(d->it));
    store(t, &t->data, d->next);
    t->index = 0;
  }
  TeeData* d = t->data;
  int64_t i = t->index;
  if (i < d->numread) {
    t->index = i + 1;
    return d->values[i];
  }
  // The lead tee: read the source.
  if (d->running) return raise(exc::RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Value item = iter_next(d->it);
  d->running = false;
  if (!item) return {};
  if (d->numread >= kLinkCells) return {};  // unreachable: reads are not re-entrant
  store(d, &d->values[d->numread], item);
  d->numread++;
  t->index = i + 1;
  return item;
}

Value itertools_tee(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kw_count(kwnames)) return raise(exc::TypeError, "itertools.tee() takes no keyword arguments");
  if (!check_nargs("tee", nargs, 1, 2)) return {};
  int64_t n = 2;
  if (nargs == 2 && !arg_ssize(args[1], &n)) return {};
  if (n < 0) return raise(exc::ValueError, "n must be >= 0");
  Tuple* result = tuple_new(n);
  if (!result) return {};
  if (n == 0) return result;
  Value it = get_iter(args[0]);
  if (!it) return {};
  // An iterator that can copy itself (a tee, or any __copy__) is used as is.
  Value copy = get_attr_or_null(it, intern("__copy__"));
  if (!copy && has_error()) return {};
  Value first = it;
  if (!copy) {
    first = tee_from_iterable(it);
    if (!first) return {};
    copy = get_attr(first, intern("__copy__"));
    if (!copy) return {};
  }
  result->items()[0] = first;
  for (int64_t i = 1; i < n; i++) {
    Value c = call0(copy);
    if (!c) return {};
    result->items()[i] = c;
  }
  return result;
}

// ---- zip_longest -----------------------------------------------------------------------------------

struct ZipLongest : Object {
  Tuple* iters;        // an exhausted input's slot is null
  // Inputs not yet exhausted; 0: done. As in CPython, a re-entrant call
  // can take it below 0, and then the object never stops (fills forever).
  int64_t numactive;
  Value fillvalue;
};

void trace_zip_longest(void* p, gc::Visitor& v) {
  auto* o = static_cast<ZipLongest*>(p);
  v.visit(o->type);
  v.visit(o->iters);
  visit_value(v, o->fillvalue);
}

Value zip_longest_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value fillvalue = none();
  if (int64_t nkw = kw_count(kwnames)) {
    if (nkw != 1 || !name_is(kwnames->at(0), "fillvalue")) {
      return raise(exc::TypeError, "zip_longest() got an unexpected keyword argument");
    }
    fillvalue = args[nargs];
  }
  Tuple* iters = tuple_new(int64_t(nargs));
  if (!iters) return {};
  for (size_t i = 0; i < nargs; i++) {
    Value it = get_iter(args[i]);
    if (!it) return {};
    iters->items()[i] = it;
  }
  auto* z = new_instance<ZipLongest>(type);
  z->iters = iters;
  z->numactive = int64_t(nargs);
  z->fillvalue = fillvalue;
  return z;
}

Value zip_longest_next(Value self) {
  auto* z = self.as<ZipLongest>();
  int64_t n = z->iters->length;
  if (n == 0 || z->numactive == 0) return {};
  Tuple* result = tuple_new(n);
  if (!result) return {};
  for (int64_t i = 0; i < n; i++) {
    Value it = z->iters->items()[i];
    Value item = it ? iter_next(it) : z->fillvalue;
    if (!item) {
      z->numactive--;
      if (z->numactive == 0 || has_error()) {
        z->numactive = 0;
        return {};
      }
      z->iters->items()[i] = Value();
      item = z->fillvalue;
    }
    result->items()[i] = item;
  }
  return result;
}

// ---- product, permutations, combinations, combinations_with_replacement ----------------------------
// The inputs are read into tuples at construction; the state is an array
// of indices (a tuple of small ints, private to the object) advanced in
// lexicographic order, and each result is a new tuple built from it.

struct Combinatoric : Object {
  Tuple* pool;     // product: the tuple of pools
  Tuple* indices;
  Tuple* cycles;   // permutations only
  int64_t r;
  bool started;
  bool stopped;
  uint8_t pad[6];
};

void trace_combinatoric(void* p, gc::Visitor& v) {
  auto* o = static_cast<Combinatoric*>(p);
  v.visit(o->type);
  v.visit(o->pool);
  v.visit(o->indices);
  v.visit(o->cycles);
}

int64_t ix(Tuple* t, int64_t i) { return t->items()[i].small_value(); }
void set_ix(Tuple* t, int64_t i, int64_t v) { t->items()[i] = Value::small(v); }

// A tuple of n small ints, each `fill` (or its index when fill < 0).
Tuple* index_array(int64_t n, int64_t fill) {
  Tuple* t = tuple_new(n);
  if (!t) return nullptr;
  for (int64_t i = 0; i < n; i++) set_ix(t, i, fill < 0 ? i : fill);
  return t;
}

Combinatoric* combinatoric_new(Type* type, Tuple* pool, int64_t r) {
  auto* c = new_instance<Combinatoric>(type);
  c->pool = pool;
  c->r = r;
  return c;
}

// The result tuple pool[indices[0]], ..., pool[indices[r-1]].
Value pick(Tuple* pool, Tuple* indices, int64_t r) {
  Tuple* result = tuple_new(r);
  if (!result) return {};
  for (int64_t i = 0; i < r; i++) result->items()[i] = pool->at(ix(indices, i));
  return result;
}

Value product_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t repeat = 1;
  if (kw_count(kwnames)) {
    static const char* const kNames[] = {"repeat"};
    Value a[1];
    if (!parse_args({"product", kNames, 0, 0, -1, true}, args + nargs, 0, kwnames,
                    {&a[0]}))
      return {};
    if (a[0] && !arg_ssize(a[0], &repeat)) return {};
    if (repeat < 0) return raise(exc::ValueError, "repeat argument cannot be negative");
  }
  int64_t n = repeat == 0 ? 0 : int64_t(nargs);
  if (repeat && n > INT64_MAX / int64_t(sizeof(int64_t)) / repeat) {
    return raise(exc::OverflowError, "repeat argument too large");
  }
  int64_t npools = n * repeat;
  Tuple* pools = tuple_new(npools);
  if (!pools) return {};
  for (int64_t i = 0; i < n; i++) {
    Tuple* pool = tuple_from_iterable(args[i]);
    if (!pool) return {};
    pools->items()[i] = pool;
  }
  for (int64_t i = n; i < npools; i++) pools->items()[i] = pools->at(i - n);
  Tuple* indices = index_array(npools, 0);
  if (!indices) return {};
  Combinatoric* c = combinatoric_new(type, pools, npools);
  c->indices = indices;
  return c;
}

Value product_next(Value self) {
  auto* c = self.as<Combinatoric>();
  if (c->stopped) return {};
  Tuple* pools = c->pool;
  int64_t n = pools->length;
  if (!c->started) {
    c->started = true;
    for (int64_t i = 0; i < n; i++) {
      if (pools->at(i).as<Tuple>()->length == 0) {
        c->stopped = true;
        return {};
      }
    }
  } else {
    // Advance the rightmost index; roll over into the one to its left.
    int64_t i = n - 1;
    for (; i >= 0; i--) {
      int64_t k = ix(c->indices, i) + 1;
      if (k < pools->at(i).as<Tuple>()->length) {
        set_ix(c->indices, i, k);
        break;
      }
      set_ix(c->indices, i, 0);
    }
    if (i < 0) {
      c->stopped = true;
      return {};
    }
  }
  Tuple* result = tuple_new(n);
  if (!result) return {};
  for (int64_t i = 0; i < n; i++) result->items()[i] = pools->at(i).as<Tuple>()->at(ix(c->indices, i));
  return result;
}

// combinations(iterable, r) and combinations_with_replacement(iterable, r).
Value combinations_common(Type* type, const char* fname, bool replace, const Value* args,
                          size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"iterable", "r"};
  Value a[2];
  if (!parse_args({fname, kNames, 2, 0, -1, true}, args, nargs, kwnames, {&a[0], &a[1]})) return {};
  int64_t r;
  if (!arg_ssize(a[1], &r)) return {};
  Tuple* pool = tuple_from_iterable(a[0]);
  if (!pool) return {};
  if (r < 0) return raise(exc::ValueError, "r must be non-negative");
  int64_t n = pool->length;
  bool stopped = replace ? (n == 0 && r > 0) : r > n;
  Tuple* indices = nullptr;
  if (!stopped) {
    indices = index_array(r, replace ? 0 : -1);
    if (!indices) return {};
  }
  Combinatoric* c = combinatoric_new(type, pool, r);
  c->indices = indices;
  c->stopped = stopped;
  return c;
}

Value combinations_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return combinations_common(type, "combinations", false, args, nargs, kwnames);
}
Value cwr_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  return combinations_common(type, "combinations_with_replacement", true, args, nargs, kwnames);
}

Value combinations_next(Value self) {
  auto* c = self.as<Combinatoric>();
  if (c->stopped) return {};
  int64_t n = c->pool->length, r = c->r;
  Tuple* idx = c->indices;
  if (!c->started) {
    c->started = true;
  } else {
    // The rightmost index not at its maximum (i + n - r) moves up by one;
    // the ones after it follow it in increasing order.
    int64_t i = r - 1;
    while (i >= 0 && ix(idx, i) == i + n - r) i--;
    if (i < 0) {
      c->stopped = true;
      return {};
    }
    set_ix(idx, i, ix(idx, i) + 1);
    for (int64_t j = i + 1; j < r; j++) set_ix(idx, j, ix(idx, j - 1) + 1);
  }
  return pick(c->pool, idx, r);
}

Value cwr_next(Value self) {
  auto* c = self.as<Combinatoric>();
  if (c->stopped) return {};
  int64_t n = c->pool->length, r = c->r;
  Tuple* idx = c->indices;
  if (!c->started) {
    c->started = true;
  } else {
    // The rightmost index below n - 1 moves up; the ones after it take its value.
    int64_t i = r - 1;
    while (i >= 0 && ix(idx, i) == n - 1) i--;
    if (i < 0) {
      c->stopped = true;
      return {};
    }
    int64_t k = ix(idx, i) + 1;
    for (int64_t j = i; j < r; j++) set_ix(idx, j, k);
  }
  return pick(c->pool, idx, r);
}

Value permutations_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"iterable", "r"};
  Value a[2];
  if (!parse_args({"permutations", kNames, 1, 0, -1, true}, args, nargs, kwnames,
                  {&a[0], &a[1]}))
    return {};
  Tuple* pool = tuple_from_iterable(a[0]);
  if (!pool) return {};
  int64_t n = pool->length;
  int64_t r = n;
  if (a[1] && !is_none(a[1])) {
    if (!is_int(a[1])) return raise(exc::TypeError, "Expected int as r");
    if (!int_to_index(a[1], &r)) return {};
  }
  if (r < 0) return raise(exc::ValueError, "r must be non-negative");
  Combinatoric* c = combinatoric_new(type, pool, r);
  if (r > n) {
    c->stopped = true;
    return c;
  }
  Tuple* indices = index_array(n, -1);
  if (!indices) return {};
  Tuple* cycles = tuple_new(r);
  if (!cycles) return {};
  for (int64_t i = 0; i < r; i++) set_ix(cycles, i, n - i);
  c->indices = indices;
  c->cycles = cycles;
  return c;
}

Value permutations_next(Value self) {
  auto* c = self.as<Combinatoric>();
  if (c->stopped) return {};
  int64_t n = c->pool->length, r = c->r;
  Tuple* idx = c->indices;
  Tuple* cyc = c->cycles;
  if (!c->started) {
    c->started = true;
  } else if (n == 0) {
    c->stopped = true;
    return {};
  } else {
    // cycles[i] counts down the choices left for position i; when it runs
    // out, position i's index moves to the end and the count restarts.
    int64_t i = r - 1;
    for (; i >= 0; i--) {
      int64_t left = ix(cyc, i) - 1;
      set_ix(cyc, i, left);
      if (left == 0) {
        int64_t first = ix(idx, i);
        for (int64_t j = i; j < n - 1; j++) set_ix(idx, j, ix(idx, j + 1));
        set_ix(idx, n - 1, first);
        set_ix(cyc, i, n - i);
      } else {
        int64_t j = n - left;
        int64_t t = ix(idx, i);
        set_ix(idx, i, ix(idx, j));
        set_ix(idx, j, t);
        break;
      }
    }
    if (i < 0) {
      c->stopped = true;
      return {};
    }
  }
  return pick(c->pool, idx, r);
}

// ---- pickling: __reduce__ and __setstate__ -------------------------------------------------------
// CPython 3.11's protocol for each type: __reduce__ gives the constructor
// and its arguments, plus a state for __setstate__ once the iterator has
// moved; a state of None means "none" (pickle and copy skip __setstate__),
// which is why accumulate goes through islice when its total is None.
// The state checks and messages are those of CPython's PyArg_ParseTuple
// formats and PyLong_AsSsize_t.

Value reduce2(Value self, Tuple* args) { return tuple_of({type_of(self), args}); }
Value reduce3(Value self, Tuple* args, Value state) { return tuple_of({type_of(self), args, state}); }
Value none_if_null(Value v) { return v ? v : none(); }

// The state must be a tuple (CPython's check before PyArg_ParseTuple).
Tuple* state_tuple(Value state) {
  if (!is_tuple(state)) {
    raise(exc::TypeError, "state is not a tuple");
    return nullptr;
  }
  return state.as<Tuple>();
}

// PyArg_ParseTuple's arity message for a state tuple of min..max items.
bool state_arity(Tuple* t, int64_t min, int64_t max) {
  int64_t n = t->length;
  if (n >= min && n <= max) return true;
  const char* how = min == max ? "exactly" : n < min ? "at least" : "at most";
  int64_t want = n < min ? min : max;
  raisef(exc::TypeError, "function takes %s %lld argument%s (%lld given)", how, (long long)want,
         want == 1 ? "" : "s", (long long)n);
  return false;
}

// PyLong_AsSsize_t: an exact int (no __index__), in int64.
bool state_ssize(Value v, int64_t* out) {
  if (!is_int(v)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  auto x = int_to_i64(v);
  if (!x) {
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  *out = *x;
  return true;
}

// A tuple of the ints t[0..n).
Tuple* index_tuple(Tuple* t, int64_t n) {
  Tuple* r = tuple_new(n);
  if (!r) return nullptr;
  for (int64_t i = 0; i < n; i++) r->items()[i] = Value::small(ix(t, i));
  return r;
}

Value cycle_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Cycle>();
  if (!c->it) {
    // Exhausted input: an iterator over the rest of the current pass, then the saved items.
    Value it = get_iter(c->saved);
    if (!it) return {};
    if (c->index != 0) {
      Value index = int_from_i64(c->index);
      if (!call_method(it, intern("__setstate__"), &index, 1)) return {};
    }
    return reduce3(self, tuple_of({it}), tuple_of({c->saved, py_bool(true)}));
  }
  return reduce3(self, tuple_of({c->it}), tuple_of({c->saved, py_bool(c->firstpass)}));
}

Value cycle_setstate(Value self, const Value* args, size_t, Tuple*) {
  Tuple* t = state_tuple(args[0]);
  if (!t || !state_arity(t, 2, 2)) return {};
  if (!is_list(t->at(0))) {
    return raisef(exc::TypeError, "argument 1 must be list, not %s", type_name(t->at(0)).c_str());
  }
  int firstpass;
  if (!arg_int(t->at(1), &firstpass)) return {};
  auto* c = self.as<Cycle>();
  store(c, &c->saved, t->at(0).as<List>());
  c->firstpass = firstpass != 0;
  c->index = 0;
  return none();
}

Value accumulate_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* acc = self.as<Accumulate>();
  Value func = none_if_null(acc->func);
  if (acc->initial) {
    // initial not produced yet: chain((initial,), it) makes it the first item.
    Value source = get_iter(tuple_of({Value(tuple_of({acc->initial})), acc->it}));
    if (!source) return {};
    return reduce3(self, tuple_of({chain_of(g_chain, source), func}), none());
  }
  if (acc->total && is_none(acc->total)) {
    // A total of None cannot be a state (None means "no state"): rebuild
    // it as islice(accumulate(chain((None,), it), func), 1, None).
    Value source = get_iter(tuple_of({Value(tuple_of({none()})), acc->it}));
    if (!source) return {};
    Value inner_args[2] = {chain_of(g_chain, source), func};
    Value inner = call(type_of(self), inner_args, 2);
    if (!inner) return {};
    return tuple_of({g_islice, tuple_of({inner, Value::small(1), none()})});
  }
  return reduce3(self, tuple_of({acc->it, func}), none_if_null(acc->total));
}

Value accumulate_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* acc = self.as<Accumulate>();
  store(acc, &acc->total, args[0]);
  return none();
}

Value chain_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Chain>();
  if (!c->source) return reduce2(self, tuple_empty());
  Tuple* state = c->active ? tuple_of({c->source, c->active}) : tuple_of({c->source});
  return reduce3(self, tuple_empty(), state);
}

Value chain_setstate(Value self, const Value* args, size_t, Tuple*) {
  Tuple* t = state_tuple(args[0]);
  if (!t || !state_arity(t, 1, 2)) return {};
  Value source = t->at(0);
  Value active = t->length > 1 ? t->at(1) : Value();
  if (!type_of(source)->slots.next || (active && !type_of(active)->slots.next)) {
    return raise(exc::TypeError, "Arguments must be iterators.");
  }
  auto* c = self.as<Chain>();
  store(c, &c->source, source);
  store(c, &c->active, active);
  return none();
}

Value compress_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Compress>();
  return reduce2(self, tuple_of({c->data, c->selectors}));
}

// dropwhile and takewhile: their flag is the state.
Value func_iter_flag_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* f = self.as<FuncIter>();
  return reduce3(self, tuple_of({f->func, f->it}), Value::small(f->flag));
}

Value func_iter_flag_setstate(Value self, const Value* args, size_t, Tuple*) {
  int flag = truth(args[0]);
  if (flag < 0) return {};
  self.as<FuncIter>()->flag = flag;
  return none();
}

// filterfalse and starmap.
Value func_iter_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* f = self.as<FuncIter>();
  return reduce2(self, tuple_of({f->func, f->it}));
}

Value groupby_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* g = self.as<GroupBy>();
  Tuple* args = tuple_of({g->it, none_if_null(g->keyfunc)});
  if (g->tgtkey && g->currkey && g->currvalue) {
    return reduce3(self, args, tuple_of({g->currkey, g->currvalue, g->tgtkey}));
  }
  return reduce2(self, args);
}

Value groupby_setstate(Value self, const Value* args, size_t, Tuple*) {
  Tuple* t = state_tuple(args[0]);
  if (!t || !state_arity(t, 3, 3)) return {};
  auto* g = self.as<GroupBy>();
  store(g, &g->currkey, t->at(0));
  store(g, &g->currvalue, t->at(1));
  store(g, &g->tgtkey, t->at(2));
  return none();
}

Value grouper_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* gr = self.as<Grouper>();
  if (gr->parent->currgrouper != gr) {
    // A group that has ended: an empty iterator.
    Value iter = get_attr(Value(builtins_module()), intern("iter"));
    if (!iter) return {};
    return tuple_of({iter, tuple_of({Value(tuple_empty())})});
  }
  return reduce2(self, tuple_of({Value(gr->parent), gr->tgtkey}));
}

Value islice_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* s = self.as<ISlice>();
  if (!s->it) {
    Value empty = get_iter(list_new());
    if (!empty) return {};
    return reduce3(self, tuple_of({empty, Value::small(0)}), Value::small(0));
  }
  Value stop = s->stop == -1 ? none() : int_from_i64(s->stop);
  return reduce3(self, tuple_of({s->it, int_from_i64(s->next), stop, int_from_i64(s->step)}),
                 int_from_i64(s->cnt));
}

Value islice_setstate(Value self, const Value* args, size_t, Tuple*) {
  int64_t cnt;
  if (!state_ssize(args[0], &cnt)) return {};
  self.as<ISlice>()->cnt = cnt;
  return none();
}

Value tee_data_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* d = self.as<TeeData>();
  List* values = list_from_array(d->values, d->numread);
  if (!values) return {};
  Value next = d->next ? Value(d->next) : none();
  return reduce2(self, tuple_of({d->it, values, next}));
}

Value tee_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* t = self.as<Tee>();
  return reduce3(self, tuple_of({Value(tuple_empty())}),
                 tuple_of({Value(t->data), int_from_i64(t->index)}));
}

Value tee_setstate(Value self, const Value* args, size_t, Tuple*) {
  Tuple* st = state_tuple(args[0]);
  if (!st || !state_arity(st, 2, 2)) return {};
  if (type_of(st->at(0)) != g_tee_data) {
    return raisef(exc::TypeError, "argument 1 must be itertools._tee_dataobject, not %s",
                  type_name(st->at(0)).c_str());
  }
  int index;
  if (!arg_int(st->at(1), &index)) return {};
  if (index < 0 || index > kLinkCells) return raise(exc::ValueError, "Index out of range");
  auto* t = self.as<Tee>();
  store(t, &t->data, st->at(0).as<TeeData>());
  t->index = index;
  return none();
}

Value zip_longest_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* z = self.as<ZipLongest>();
  int64_t n = z->iters->length;
  Tuple* args = tuple_new(n);
  if (!args) return {};
  // An exhausted input's slot is an empty tuple.
  for (int64_t i = 0; i < n; i++) {
    Value it = z->iters->items()[i];
    args->items()[i] = it ? it : Value(tuple_empty());
  }
  return reduce3(self, args, z->fillvalue);
}

Value zip_longest_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* z = self.as<ZipLongest>();
  store(z, &z->fillvalue, args[0]);
  return none();
}

Value product_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Combinatoric>();
  if (c->stopped) return reduce2(self, tuple_of({Value(tuple_empty())}));
  if (!c->started) return reduce2(self, c->pool);
  Tuple* indices = index_tuple(c->indices, c->pool->length);
  if (!indices) return {};
  return reduce3(self, c->pool, indices);
}

Value product_setstate(Value self, const Value* args, size_t, Tuple*) {
  auto* c = self.as<Combinatoric>();
  Tuple* pools = c->pool;
  int64_t n = pools->length;
  if (!is_tuple(args[0]) || args[0].as<Tuple>()->length != n) {
    return raise(exc::ValueError, "invalid arguments");
  }
  Tuple* st = args[0].as<Tuple>();
  for (int64_t i = 0; i < n; i++) {
    int64_t index;
    if (!state_ssize(st->at(i), &index)) return {};
    int64_t size = pools->at(i).as<Tuple>()->length;
    if (size == 0) {
      c->stopped = true;
      return none();
    }
    set_ix(c->indices, i, index < 0 ? 0 : index > size - 1 ? size - 1 : index);
  }
  c->started = true;
  return none();
}

// combinations and combinations_with_replacement.
Value combinations_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Combinatoric>();
  Value r = int_from_i64(c->r);
  if (!c->started) return reduce2(self, tuple_of({c->pool, r}));
  if (c->stopped) return reduce2(self, tuple_of({Value(tuple_empty()), r}));
  Tuple* indices = index_tuple(c->indices, c->r);
  if (!indices) return {};
  return reduce3(self, tuple_of({c->pool, r}), indices);
}

// Index i of a combinations state is clamped to [0, i + n - r]; of a
// combinations_with_replacement state to [0, n - 1].
Value combinations_setstate_common(Value self, Value state, bool replace) {
  auto* c = self.as<Combinatoric>();
  int64_t n = c->pool->length, r = c->r;
  if (!is_tuple(state) || state.as<Tuple>()->length != r) return raise(exc::ValueError, "invalid arguments");
  Tuple* st = state.as<Tuple>();
  // No indices when no result can exist (r > n, or r > 0 with nothing to
  // repeat): the state is checked and changes nothing.
  bool empty = !c->indices;
  for (int64_t i = 0; i < r; i++) {
    int64_t index;
    if (!state_ssize(st->at(i), &index)) return {};
    int64_t max = replace ? n - 1 : i + n - r;
    if (index > max) index = max;
    if (index < 0) index = 0;
    if (!empty) set_ix(c->indices, i, index);
  }
  if (!empty) c->started = true;
  return none();
}

Value combinations_setstate(Value self, const Value* args, size_t, Tuple*) {
  return combinations_setstate_common(self, args[0], false);
}
Value cwr_setstate(Value self, const Value* args, size_t, Tuple*) {
  return combinations_setstate_common(self, args[0], true);
}

Value permutations_reduce(Value self, const Value*, size_t, Tuple*) {
  auto* c = self.as<Combinatoric>();
  Value r = int_from_i64(c->r);
  if (!c->started) return reduce2(self, tuple_of({c->pool, r}));
  if (c->stopped) return reduce2(self, tuple_of({Value(tuple_empty()), r}));
  Tuple* indices = index_tuple(c->indices, c->pool->length);
  if (!indices) return {};
  Tuple* cycles = index_tuple(c->cycles, c->r);
  if (!cycles) return {};
  return reduce3(self, tuple_of({c->pool, r}), tuple_of({indices, cycles}));
}

Value permutations_setstate(Value self, const Value* args, size_t, Tuple*) {
  Tuple* st = state_tuple(args[0]);
  if (!st || !state_arity(st, 2, 2)) return {};
  for (int k = 0; k < 2; k++) {
    if (!is_tuple(st->at(k))) {
      return raisef(exc::TypeError, "argument %d must be tuple, not %s", k + 1, type_name(st->at(k)).c_str());
    }
  }
  Tuple* indices = st->at(0).as<Tuple>();
  Tuple* cycles = st->at(1).as<Tuple>();
  auto* c = self.as<Combinatoric>();
  int64_t n = c->pool->length, r = c->r;
  if (indices->length != n || cycles->length != r) return raise(exc::ValueError, "invalid arguments");
  bool empty = !c->indices;   // r > n: no permutation exists; the state changes nothing
  for (int64_t i = 0; i < n; i++) {
    int64_t index;
    if (!state_ssize(indices->at(i), &index)) return {};
    if (!empty) set_ix(c->indices, i, index < 0 ? 0 : index > n - 1 ? n - 1 : index);
  }
  for (int64_t i = 0; i < r; i++) {
    int64_t index;
    if (!state_ssize(cycles->at(i), &index)) return {};
    if (!empty) set_ix(c->cycles, i, index < 1 ? 1 : index > n - i ? n - i : index);
  }
  if (!empty) c->started = true;
  return none();
}

// ---- the module ------------------------------------------------------------------------------------

const MethodDef kCountMethods[] = {
    {"__reduce__", count_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0},
};

const MethodDef kRepeatMethods[] = {
    {"__length_hint__", repeat_length_hint, MethodFlag::kNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", repeat_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {nullptr, nullptr, 0},
};

const MethodDef kChainMethods[] = {
    {"__reduce__", chain_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", chain_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {"from_iterable", chain_from_iterable, MethodFlag::kOneArg | MethodFlag::kClass,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", generic_class_getitem, MethodFlag::kOneArg | MethodFlag::kClass,
     "See PEP 585"},
    {nullptr, nullptr, 0},
};

const MethodDef kTeeMethods[] = {
    {"__copy__", tee_copy, MethodFlag::kNoArgs, "Returns an independent iterator."},
    {"__reduce__", tee_reduce, MethodFlag::kNoArgs, "Return state information for pickling."},
    {"__setstate__", tee_setstate, MethodFlag::kOneArg, "Set state information for unpickling."},
    {nullptr, nullptr, 0},
};

#define REDUCE(fn) {"__reduce__", fn, MethodFlag::kNoArgs, "Return state information for pickling."}
#define SETSTATE(fn) {"__setstate__", fn, MethodFlag::kOneArg, "Set state information for unpickling."}
const MethodDef kCycleMethods[] = {REDUCE(cycle_reduce), SETSTATE(cycle_setstate), {nullptr, nullptr, 0}};
const MethodDef kAccumulateMethods[] = {REDUCE(accumulate_reduce), SETSTATE(accumulate_setstate),
                                        {nullptr, nullptr, 0}};
const MethodDef kCompressMethods[] = {REDUCE(compress_reduce), {nullptr, nullptr, 0}};
const MethodDef kFlagIterMethods[] = {REDUCE(func_iter_flag_reduce), SETSTATE(func_iter_flag_setstate),
                                      {nullptr, nullptr, 0}};
const MethodDef kFuncIterMethods[] = {REDUCE(func_iter_reduce), {nullptr, nullptr, 0}};
const MethodDef kGroupByMethods[] = {REDUCE(groupby_reduce), SETSTATE(groupby_setstate), {nullptr, nullptr, 0}};
const MethodDef kGrouperMethods[] = {REDUCE(grouper_reduce), {nullptr, nullptr, 0}};
const MethodDef kISliceMethods[] = {REDUCE(islice_reduce), SETSTATE(islice_setstate), {nullptr, nullptr, 0}};
const MethodDef kTeeDataMethods[] = {REDUCE(tee_data_reduce), {nullptr, nullptr, 0}};
const MethodDef kZipLongestMethods[] = {REDUCE(zip_longest_reduce), SETSTATE(zip_longest_setstate),
                                        {nullptr, nullptr, 0}};
const MethodDef kProductMethods[] = {REDUCE(product_reduce), SETSTATE(product_setstate), {nullptr, nullptr, 0}};
const MethodDef kCombinationsMethods[] = {REDUCE(combinations_reduce), SETSTATE(combinations_setstate),
                                          {nullptr, nullptr, 0}};
const MethodDef kCwrMethods[] = {REDUCE(combinations_reduce), SETSTATE(cwr_setstate), {nullptr, nullptr, 0}};
const MethodDef kPermutationsMethods[] = {REDUCE(permutations_reduce), SETSTATE(permutations_setstate),
                                          {nullptr, nullptr, 0}};
#undef REDUCE
#undef SETSTATE

const MethodDef kFunctions[] = {
    {"tee", itertools_tee, MethodFlag::kVarArgs | MethodFlag::kKeywords,
     "Returns a tuple of n independent iterators."},
    {nullptr, nullptr, 0},
};

struct TypeDef {
  Type** into;
  const char* name;
  size_t size;
  TraceFn trace;
  NewFn new_fn;
  UnaryFn next;          // null: not an iterator (_tee_dataobject)
  bool base;             // subclassable
  const char* doc;
  const MethodDef* methods = nullptr;
  UnaryFn repr = nullptr;
};

// clang-format off
const TypeDef kTypes[] = {
    {&g_count, "count", sizeof(Count), trace_count, count_new, count_next, true,
     "Return a count object whose .__next__() method returns consecutive values: "
     "start, start + step, start + 2 * step, ...", kCountMethods, count_repr},
    {&g_cycle, "cycle", sizeof(Cycle), trace_cycle, cycle_new, cycle_next, true,
     "Return the items of the iterable, then those items again, endlessly.", kCycleMethods},
    {&g_repeat, "repeat", sizeof(Repeat), trace_repeat, repeat_new, repeat_next, true,
     "repeat(object [,times]) -> the object, times times or endlessly.",
     kRepeatMethods, repeat_repr},
    {&g_accumulate, "accumulate", sizeof(Accumulate), trace_accumulate, accumulate_new,
     accumulate_next, true, "Return running totals (or running results of func).", kAccumulateMethods},
    {&g_chain, "chain", sizeof(Chain), trace_chain, chain_new, chain_next, true,
     "chain(*iterables) --> the items of the first iterable, then of the next, ...",
     kChainMethods},
    {&g_compress, "compress", sizeof(Compress), trace_compress, compress_new, compress_next, true,
     "Return the items of data whose corresponding selector is true.", kCompressMethods},
    {&g_dropwhile, "dropwhile", sizeof(FuncIter), trace_func_iter, dropwhile_new, dropwhile_next,
     true, "Skip items while predicate(item) is true, then return every item.", kFlagIterMethods},
    {&g_takewhile, "takewhile", sizeof(FuncIter), trace_func_iter, takewhile_new, takewhile_next,
     true, "Return items while predicate(item) is true.", kFlagIterMethods},
    {&g_filterfalse, "filterfalse", sizeof(FuncIter), trace_func_iter, filterfalse_new,
     filterfalse_next, true, "Return the items for which function(item) is false.", kFuncIterMethods},
    {&g_starmap, "starmap", sizeof(FuncIter), trace_func_iter, starmap_new, starmap_next, true,
     "Return function(*args) for each tuple of args from the iterable.", kFuncIterMethods},
    {&g_groupby, "groupby", sizeof(GroupBy), trace_groupby, groupby_new, groupby_next, true,
     "Yield (key, group) for each run of consecutive items with equal keys.", kGroupByMethods},
    {&g_grouper, "_grouper", sizeof(Grouper), trace_grouper, grouper_new, grouper_next, false,
     nullptr, kGrouperMethods},
    {&g_islice, "islice", sizeof(ISlice), trace_islice, islice_new, islice_next, true,
     "islice(iterable, stop) or islice(iterable, start, stop[, step]): selected items.",
     kISliceMethods},
    {&g_pairwise, "pairwise", sizeof(Pairwise), trace_pairwise, pairwise_new, pairwise_next, true,
     "Return successive overlapping pairs taken from the input iterator."},
    {&g_tee_data, "_tee_dataobject", sizeof(TeeData), trace_tee_data, tee_data_new_slot, nullptr,
     false, "Data container common to multiple tee objects.", kTeeDataMethods},
    {&g_tee, "_tee", sizeof(Tee), trace_tee, tee_new_slot, tee_next, false,
     "Iterator wrapped to make it copyable.", kTeeMethods},
    {&g_zip_longest, "zip_longest", sizeof(ZipLongest), trace_zip_longest, zip_longest_new,
     zip_longest_next, true,
     "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]): tuples until the longest input ends.",
     kZipLongestMethods},
    {&g_product, "product", sizeof(Combinatoric), trace_combinatoric, product_new, product_next,
     true, "product(*iterables, repeat=1): the Cartesian product of the input iterables.",
     kProductMethods},
    {&g_permutations, "permutations", sizeof(Combinatoric), trace_combinatoric, permutations_new,
     permutations_next, true, "Return successive r-length permutations of the items.",
     kPermutationsMethods},
    {&g_combinations, "combinations", sizeof(Combinatoric), trace_combinatoric, combinations_new,
     combinations_next, true, "Return successive r-length combinations of the items.",
     kCombinationsMethods},
    {&g_cwr, "combinations_with_replacement", sizeof(Combinatoric), trace_combinatoric, cwr_new,
     cwr_next, true,
     "Return successive r-length combinations of the items, allowing repeated items.",
     kCwrMethods},
};
// clang-format on

void make_types() {
  for (const TypeDef& d : kTypes) {
    gc::LayoutInfo info;
    info.name = d.name;
    info.trace = d.trace;
    info.fixed_size = d.size;
    TypeSpec spec;
    spec.name = d.name;
    spec.module = "itertools";
    spec.layout = gc::register_layout(info);
    spec.instance_size = uint32_t(d.size);
    spec.flags = d.base ? TypeFlag::kBaseType : 0;
    if (d.into == &g_tee) spec.flags |= TypeFlag::kWeakrefable;   // as CPython's _tee
    spec.trace = d.trace;
    spec.slots.new_ = d.new_fn;
    if (d.next) {
      spec.slots.iter = iter_self;
      spec.slots.next = d.next;
    }
    spec.slots.repr = d.repr;
    spec.methods = d.methods;
    spec.doc = d.doc;
    make_builtin_type(d.into, spec);
  }
}

}  // namespace

Module* make_itertools_module() {
  if (!g_count) make_types();
  Module* m = module_new(intern("itertools"));
  dict_set_str(m->dict, intern("__doc__"),
               str_from_utf8("Functional tools for creating and using iterators."));
  for (const TypeDef& d : kTypes) dict_set_str(m->dict, intern(d.name), *d.into);
  for (const MethodDef* def = kFunctions; def->name; def++) {
    dict_set_str(m->dict, intern(def->name), new_builtin_function(def, m, intern("itertools")));
  }
  return m;
}

}  // namespace pyrite::python
