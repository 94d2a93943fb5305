// The thread state and the VM stack (docs/interp.md, "Frames").
#include "python/interp/thread_state.h"

#include <sys/mman.h>

#include <cstring>

#include "python/interp/generator.h"
#include "python/objects/errors.h"
#include "python/objects/frame_object.h"
#include "python/objects/function.h"
#include "python/objects/protocol.h"

namespace pyrite::python {

namespace {

// 256 MiB reserved, committed by the OS page by page as frames reach it:
// enough for sys.setrecursionlimit(10**6) with small frames.
constexpr size_t kVmStackBytes = size_t(256) << 20;

void visit_thread(gc::Visitor& v, void* data) {
  auto* ts = static_cast<ThreadState*>(data);
  for (Frame* f = ts->frame; f; f = f->previous) visit_frame(f, v);
  visit_value(v, ts->handled);
  visit_value(v, ts->handled_outer);
  // The exception being propagated: often referenced from nowhere else
  // while the unwinder allocates its traceback entries.
  v.visit(error_state().pending);
}

}  // namespace

void visit_frame(Frame* f, gc::Visitor& v) {
  v.visit(f->code);
  v.visit(f->func);
  v.visit(f->globals);
  v.visit(f->builtins);
  visit_value(v, f->locals);
  v.visit(f->generator);
  v.visit(f->frame_object);
  visit_value(v, f->extra);
  if (!f->code) return;
  Value* s = f->slots();
  for (int i = 0, n = f->code->frame_slots(); i < n; i++) visit_value(v, s[i]);
}

ThreadState g_thread_state;

void init_thread_state() {
  ThreadState& ts = g_thread_state;
  if (ts.vm_base) return;
  void* p = mmap(nullptr, kVmStackBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  PYR_CHECK(p != MAP_FAILED);
  ts.vm_base = ts.vm_top = static_cast<char*>(p);
  ts.vm_limit = ts.vm_base + kVmStackBytes;
  gc::Heap::current()->add_root_callback(visit_thread, &ts);
}

Frame* push_frame(ThreadState& ts, Code* code) {
  if (ts.depth >= ts.recursion_limit) {
    raise(exc::RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  size_t size = Frame::size_for(code);
  if (size > size_t(ts.vm_limit - ts.vm_top)) {
    raise(exc::RecursionError, "maximum recursion depth exceeded (the VM stack is full)");
    return nullptr;
  }
  auto* f = reinterpret_cast<Frame*>(ts.vm_top);
  std::memset(static_cast<void*>(f), 0, size);
  ts.vm_top += size;
  f->code = code;
  f->on_vm_stack = 1;
  f->previous = ts.frame;
  f->lasti = -1;
  // Linked at once: binding the arguments allocates (*args, **kwargs), and
  // the collector must see the slots already filled.
  ts.frame = f;
  ts.depth++;
  warm_up(code);
  return f;
}

UnwindPoint unwind_point(const ThreadState& ts) { return {ts.depth, repr_guard_count()}; }

void recover_from_unwinding(ThreadState& ts, Frame* frame, Frame* entry, UnwindPoint at_entry) {
  ts.frame = frame;
  if (frame->on_vm_stack) ts.vm_top = reinterpret_cast<char*>(frame) + Frame::size_for(frame->code);
  int depth = at_entry.depth;
  for (Frame* f = frame; f && f != entry; f = f->previous) depth += f->cont == Continuation::kInit ? 2 : 1;
  ts.depth = depth;
  repr_guards_truncate(at_entry.repr_guards);
}

}  // namespace pyrite::python
