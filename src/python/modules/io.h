// The _io module's shared pieces (docs/modules.md, "_io"): the instance
// structs of its types, the type globals and the helpers the files share.
// io_module.cpp: the module, the abstract bases, open(); io_bytes.cpp:
// BytesIO and StringIO; io_file.cpp: FileIO; io_buffered.cpp: the Buffered*
// classes; io_text.cpp: TextIOWrapper and IncrementalNewlineDecoder.
#pragma once

#include <string>
#include <string_view>

#include "python/objects/bytes.h"
#include "python/objects/errors.h"
#include "python/objects/native.h"
#include "python/objects/object.h"
#include "python/objects/str.h"
#include "python/objects/type.h"

namespace pyrite::python {
struct Module;
}

namespace pyrite::python::io {

inline constexpr int64_t kDefaultBufferSize = 8192;

// Every _io object: instance attributes (CPython's _io types have a
// __dict__: open() stores `mode` in a TextIOWrapper's, FileIO its `name`)
// and _IOBase's closed flag (CPython's `__IOBase_closed` attribute).
struct IOBase : Object {
  Object* attrs_map;        // InstanceAttrs (type.h)
  Object* attrs_storage;
  bool iobase_closed;
  bool finalizing;          // close() called from the finalizer
  bool exit_flush;          // in the list flush_at_exit() walks
  // A Buffered*/TextIOWrapper wraps this object: its finalizer leaves the
  // closing to the wrapper's (which closes it through close()), since the
  // collector may run the inner object's first and the wrapper could then
  // not flush into it.
  bool wrapped;
  uint8_t pad[4];
};
static_assert(sizeof(IOBase) % 8 == 0);

struct FileIO : IOBase {
  int32_t fd;               // -1: closed
  bool created, readable, writable, appending;
  int8_t seekable;          // -1: not known yet
  bool closefd;
  uint8_t pad2[5];
  int64_t blksize;
};

struct BytesIO : IOBase {
  Bytes* buf;               // capacity buf->length; contents [0, string_size)
  int64_t string_size;
  int64_t pos;
  int64_t exports;          // getbuffer() views alive: resizing is a BufferError (always 0
                            // while getbuffer() returns a snapshot)
};

struct StringIO : IOBase {
  Object* buf;              // a Bytes used as an array of char32_t (capacity length / 4)
  int64_t string_size;
  int64_t pos;
  Object* decoder;          // IncrementalNewlineDecoder (newline=None) or null
  Object* readnl;           // Str or null (newline=None)
  Object* writenl;          // Str or null
  bool ok;                  // initialized
  bool closed;
  bool readuniversal, readtranslate;
  uint8_t pad2[4];
};

// BufferedReader / BufferedWriter / BufferedRandom. The read buffer holds
// raw bytes [rpos, rend) not yet returned; the write buffer bytes [0, wlen)
// not yet written. At most one of them is non-empty at a time (BufferedRandom
// drops the read-ahead, seeking the raw stream back, before it writes).
struct Buffered : IOBase {
  Value raw;
  Bytes* rbuf;
  Bytes* wbuf;
  int64_t rpos, rend;
  int64_t wlen;
  int64_t buffer_size;
  bool readable, writable;
  bool ok;                  // __init__ finished
  bool detached;
  bool raw_is_fileio;       // exact FileIO: its fd is used directly
  uint8_t pad2[3];
};

struct BufferedRWPair : IOBase {
  Value reader;
  Value writer;
};

// IncrementalNewlineDecoder: wraps a decoder (or none: the input is str).
struct NewlineDecoder : Object {
  Value decoder;            // None or an object with decode()/getstate()/setstate()/reset()
  Value errors;
  bool translate;
  bool pendingcr;
  uint8_t seennl;           // kLF | kCR | kCRLF
  bool ok;
  uint8_t pad[4];
};
inline constexpr uint8_t kSeenLF = 1, kSeenCR = 2, kSeenCRLF = 4;

// Types (made once by make_io_module).
extern Type* g_iobase;
extern Type* g_rawiobase;
extern Type* g_bufferediobase;
extern Type* g_textiobase;
extern Type* g_fileio;
extern Type* g_bytesio;
extern Type* g_stringio;
extern Type* g_buffered_reader;
extern Type* g_buffered_writer;
extern Type* g_buffered_random;
extern Type* g_buffered_rwpair;
extern Type* g_textiowrapper;
extern Type* g_nldecoder;
extern Type* g_unsupported_operation;

// The layout and trace every IOBase-derived struct starts with.
void trace_iobase(void* p, gc::Visitor& v);
inline constexpr int32_t kIOAttrsOffset = static_cast<int32_t>(offsetof(IOBase, attrs_map));
// A TypeSpec for an _io type: module "_io", subclassable, instance attrs.
TypeSpec io_type_spec(const char* name, Type* base, size_t size, TraceFn trace);

// Errors.
Value raise_unsupported(const char* message);        // io.UnsupportedOperation(message)
Value raise_closed();                                // ValueError("I/O operation on closed file.")
// Makes a BlockingIOError(errno, message, characters_written) pending.
Value raise_blocking(int err, const char* message, int64_t written);

// obj.closed as a truth value (-1 error).
int is_closed(Value obj);
// The checks CPython's _IOBase does through method calls, with its messages.
bool check_closed(Value obj);                        // ValueError if obj.closed
bool check_readable(Value obj);                      // UnsupportedOperation "File or stream is not readable."
bool check_writable(Value obj);
bool check_seekable(Value obj);

// Argument helpers: an optional size (None or absent: -1) through __index__.
bool size_arg(Value v, int64_t* out);
// Write access to a writable buffer (bytearray, memoryview of one), or
// TypeError with CPython's "readinto() argument must be read-write
// bytes-like object, not X".
bool writable_buffer(Value v, const char* fname, uint8_t** data, int64_t* len);
// Read access to a bytes-like object, or TypeError "a bytes-like object is
// required, not 'str'".
bool readable_buffer(Value v, BufferView* view);

// Method-call shorthands.
Value call_m(Value obj, const char* name, std::initializer_list<Value> args = {});

// The FileIO fast paths the buffered classes use for an exact FileIO raw.
Value fileio_read_into(FileIO* f, uint8_t* data, int64_t n);     // int, None (EAGAIN) or null
Value fileio_write_from(FileIO* f, const uint8_t* data, int64_t n);

// sys.stdin/stdout/stderr (fd 0, 1, 2): TextIOWrapper(BufferedReader or
// BufferedWriter(FileIO(fd, closefd=False))) as CPython's create_stdio
// builds it; with `unbuffered`, stdout and stderr wrap the FileIO itself
// and write through.
Value make_std_stream(int fd, bool write, bool unbuffered);

// Files still open when the program ends are flushed as CPython's
// finalization flushes them (it closes every object): TextIOWrappers and
// writing Buffered objects put themselves on a weak list when initialized,
// and flush_at_exit() flushes the text ones, then the binary ones.
void register_exit_flush(IOBase* o);
// Marks `inner` (if an _io object) as wrapped, or no longer (detach()).
void set_wrapped(Value inner, bool wrapped);
void flush_at_exit();

// The default text encoding of open() (locale.getpreferredencoding(False)).
Str* locale_encoding();
// The error handler of sys.stdin and sys.stdout for the process's locale.
const char* stdio_errors();

// io.open as a C++ entry point.
Value io_open(Value self, const Value* args, size_t nargs, Tuple* kwnames);

// Type makers for the files (each called once by make_io_module).
void make_bytes_types();
void make_file_type();
void make_buffered_types();
void make_text_types();
void make_base_types();

extern const MethodDef kIOFunctions[];

}  // namespace pyrite::python::io

namespace pyrite::python::io {
// IncrementalNewlineDecoder as C++ calls (io_text.cpp).
Value nldecoder_new(Value decoder, bool translate, Value errors);
Value nldecoder_decode(Value self, Value input, bool final);
Value nldecoder_newlines(Value self);
}  // namespace pyrite::python::io

namespace pyrite::python::io {
// C++ entry points of an exact BufferedWriter/BufferedRandom (io_buffered.cpp)
// for TextIOWrapper's writes: buffer.write(data) and buffer.flush() without
// the method calls (same checks, same errors).
bool is_exact_buffered_writer(Value v);
bool buffered_write_fast(Value buffer, const uint8_t* data, int64_t n);
bool buffered_flush_fast(Value buffer);
// raw.closed of an exact Buffered* over an exact FileIO: 1/0, or -1 when
// the slow path (buffer.closed) must be asked.
int buffered_fast_closed(Value buffer);
}  // namespace pyrite::python::io

namespace pyrite::python::io {
// print()'s write to an exact TextIOWrapper without a `write` instance
// attribute: TextIOWrapper.write(text) called directly (no method lookup
// or bound method). 1 written, 0 not such a file (call file.write), -1 error.
int textio_try_write(Value file, Value text);
}  // namespace pyrite::python::io
