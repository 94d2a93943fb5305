// Traceback objects and the printing of uncaught exceptions in CPython
// 3.11's format (docs/objects.md, "Exceptions and builtins").
//
// A Traceback is one entry of exc.__traceback__: the chain runs from the
// outermost frame (the head) to the frame that raised (the tail), as in
// CPython. The interpreter adds an entry each time an exception is raised
// in, or propagates out of, a frame:
//
//   traceback_add(exc, frame, code, lasti, line, end_line, col, end_col,
//                 filename, funcname)
//
// which prepends a Traceback to exc.__traceback__ (CPython's
// PyTraceBack_Here). Without a frame object, the globals of the innermost
// running frame (current_globals()) are kept for the printer. Positions are those of the failing instruction: lines
// 1-based, columns 0-based UTF-8 byte offsets into the source line (CPython's
// co_positions), -1 when unknown; they drive the "^^^^" lines.
#pragma once

#include <string>

#include "python/objects/object.h"

namespace pyrite::python {

struct Traceback : Object {
  Traceback* next;   // tb_next: the entry of the frame called from this one
  Value frame;       // tb_frame: a frame object, or null (reads as None)
  Value code;        // the code object executing (may be null)
  Str* filename;     // co_filename
  Str* name;         // co_name
  Object* globals;   // the frame's globals when no frame object is given (NameError's
                     // "Did you mean" looks there), else null
  int32_t lasti;     // tb_lasti: instruction offset in bytes
  int32_t lineno;    // tb_lineno
  int32_t end_lineno;
  int32_t col;       // 0-based UTF-8 byte column of the instruction's start, -1 unknown
  int32_t end_col;
  int32_t pad;
};

extern Type* traceback_type;   // "traceback"
extern gc::LayoutId kTracebackLayout;

inline bool is_traceback(Value v) { return v.is_object() && v.object()->type == traceback_type; }

// Makes the traceback type (init_exceptions calls it).
void init_traceback();

// A new entry (not attached to anything).
Traceback* traceback_new(Traceback* next, Value frame, Value code, int lasti, int line, int end_line,
                         int col, int end_col, Str* filename, Str* funcname);
// Prepends an entry to exc.__traceback__ (no-op if exc is not an exception).
void traceback_add(Value exc, Value frame, Value code, int lasti, int line, int end_line, int col,
                   int end_col, Str* filename, Str* funcname);

// Formats `exc` with its chain (__cause__/__context__), its traceback and
// its notes exactly as CPython 3.11 prints an uncaught exception, exception
// groups in their boxed form. Never fails (errors inside are cleared).
std::string format_exception(Value exc);
// format_exception written to `file` (anything with write(str)), then
// flushed; a None file prints nothing. A null file means sys.stderr (the C
// stderr before sys exists), as PyErr_Display. sys.excepthook's default and
// the top level.
void print_exception(Value exc, Value file);
// Reports the pending exception through sys.unraisablehook (CPython's
// _PyErr_WriteUnraisableMsg; sys.cpp): err_msg null means "Exception
// ignored in", object is what was running (a __del__, a callback).
// An exception without a traceback gets an entry for the running frame
// (CPython's _PyErr_WriteUnraisableMsg).
void write_unraisable_error(Value object, const char* err_msg = nullptr);
// The "Traceback (most recent call last):" header and the entries of `tb`
// (sys.tracebacklimit applies), or "" for something not a traceback.
// with_source false: without the source lines and carets.
std::string format_traceback(Value tb, bool with_source = true);
// The last line(s) only: "ValueError: msg\n" (traceback.format_exception_only).
std::string format_exception_only(Value exc);

// Source line `lineno` (1-based) of `filename` with its newline removed, or
// false; files are read once and cached (CPython's linecache for the C
// printer). register_source lets the runtime provide text for names that
// are not files ("<string>" code keeps none, as in CPython).
bool source_line(const std::string& filename, int lineno, std::string* out);
void register_source(const std::string& filename, const std::string& text);

}  // namespace pyrite::python
