// The _ssl module over the system's OpenSSL (libssl3): what the ssl module
// imports, _SSLContext, the TLS object (_SSLSocket) over MemoryBIOs or a
// socket, SSLSession, certificate decoding and the error classes, as
// CPython 3.11's (docs/modules_net.md, "_ssl").
//
// Every OpenSSL object is owned by the Python object that wraps it and
// freed by its finalizer. Callbacks OpenSSL makes (passwords, SNI) find
// their Python object through the app data OpenSSL keeps for us; objects
// never move (docs/gc.md), so a raw pointer stays good while the owner
// lives, and the owner outlives its OpenSSL object.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gc/heap.h"
#include "python/modules/ssl_internal.h"
#include "python/modules/codecs_module.h"
#include "python/modules/posix_module.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/float.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/module.h"
#include "python/objects/native.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/traceback.h"
#include "python/objects/tuple.h"
#include "python/objects/type.h"

namespace pyrite::python {

namespace {

// CPython's protocol numbers (_ssl.PROTOCOL_*), its error numbers
// (SSL_ERROR_*) and version pseudo-values.
enum Protocol { kProtoSSL2 = 0, kProtoSSL3 = 1, kProtoTLS = 2, kProtoTLS1 = 3, kProtoTLS1_1 = 4,
                kProtoTLS1_2 = 5, kProtoTLSClient = 16, kProtoTLSServer = 17 };
enum ErrorNumber { kErrNone = 0, kErrSSL = 1, kErrWantRead = 2, kErrWantWrite = 3,
                   kErrWantX509Lookup = 4, kErrSyscall = 5, kErrZeroReturn = 6,
                   kErrWantConnect = 7, kErrEOF = 8, kErrInvalidCode = 10 };
constexpr int kProtoMinimumSupported = -2;
constexpr int kProtoMaximumSupported = -1;
// The cipher suites are OpenSSL's own default, as in the CPython 3.11 this
// follows (Debian's, built with --with-ssl-default-suites=openssl): a new
// context keeps them and no minimum version is forced.
constexpr const char* kDefaultCiphers = SSL_DEFAULT_CIPHER_LIST;

Type* g_ssl_error = nullptr;
Type* g_zero_return_error = nullptr;
Type* g_want_read_error = nullptr;
Type* g_want_write_error = nullptr;
Type* g_syscall_error = nullptr;
Type* g_eof_error = nullptr;
Type* g_cert_verification_error = nullptr;
Type* g_context = nullptr;   // _ssl._SSLContext
Type* g_sslsocket = nullptr; // _ssl._SSLSocket
Type* g_bio = nullptr;       // _ssl.MemoryBIO
Type* g_session = nullptr;   // _ssl.SSLSession

struct ContextObject : Object {
  SSL_CTX* ctx;
  int protocol;
  bool check_hostname;
  bool post_handshake_auth;
  unsigned host_flags;
  Value sni_callback;      // null: None
  Value alpn_protocols;    // null or bytes (wire format)
  Value msg_callback;      // null: None
};

struct BioObject : Object {
  BIO* bio;
  bool eof_written;
};

struct SslObject : Object {
  SSL* ssl;
  Value context;          // the ContextObject
  Value incoming, outgoing;  // the MemoryBIOs, or null
  Value sock;             // the socket (a _socket.socket), or null
  Value server_hostname;  // str or null
  Value owner;            // null: None
  bool server_side;
  bool shutdown_seen_zero;
  bool handshake_done;
  Object* callback_error;  // raised by _msg_callback, delayed to the end of the operation
};

struct SessionObject : Object {
  SSL_SESSION* session;
  Value context;
};

ContextObject* as_ctx(Value v) { return static_cast<ContextObject*>(v.as<Object>()); }
BioObject* as_bio(Value v) { return static_cast<BioObject*>(v.as<Object>()); }
SslObject* as_ssl(Value v) { return static_cast<SslObject*>(v.as<Object>()); }
SessionObject* as_session(Value v) { return static_cast<SessionObject*>(v.as<Object>()); }

void set_field(Object* o, Value* field, Value v) {
  gc::write_barrier(o, field, v.is_object() ? v.object() : nullptr);
  *field = v;
}

Value or_none(Value v) { return v ? v : none(); }

void trace_ctx(void* p, gc::Visitor& v) {
  auto* c = static_cast<ContextObject*>(p);
  v.visit(c->type);
  visit_value(v, c->sni_callback);
  visit_value(v, c->alpn_protocols);
  visit_value(v, c->msg_callback);
}
void finalize_ctx(void* p) {
  auto* c = static_cast<ContextObject*>(p);
  if (c->ctx) SSL_CTX_free(c->ctx);
  c->ctx = nullptr;
}

void trace_bio(void* p, gc::Visitor& v) { v.visit(static_cast<BioObject*>(p)->type); }
void finalize_bio(void* p) {
  auto* b = static_cast<BioObject*>(p);
  if (b->bio) BIO_free(b->bio);
  b->bio = nullptr;
}

void trace_ssl(void* p, gc::Visitor& v) {
  auto* s = static_cast<SslObject*>(p);
  v.visit(s->type);
  visit_value(v, s->context);
  visit_value(v, s->incoming);
  visit_value(v, s->outgoing);
  visit_value(v, s->sock);
  visit_value(v, s->server_hostname);
  visit_value(v, s->owner);
  v.visit(s->callback_error);
}
void finalize_ssl(void* p) {
  auto* s = static_cast<SslObject*>(p);
  if (s->ssl) SSL_free(s->ssl);
  s->ssl = nullptr;
}

void trace_session(void* p, gc::Visitor& v) {
  auto* s = static_cast<SessionObject*>(p);
  v.visit(s->type);
  visit_value(v, s->context);
}
void finalize_session(void* p) {
  auto* s = static_cast<SessionObject*>(p);
  if (s->session) SSL_SESSION_free(s->session);
  s->session = nullptr;
}

// ---- errors ----------------------------------------------------------------------------------

// The name of an OpenSSL library, as the first part of "[SSL: REASON]".
const char* lib_name(int lib) {
  switch (lib) {
    case ERR_LIB_SYS: return "SYS";
    case ERR_LIB_BN: return "BN";
    case ERR_LIB_RSA: return "RSA";
    case ERR_LIB_DH: return "DH";
    case ERR_LIB_EVP: return "EVP";
    case ERR_LIB_BUF: return "BUF";
    case ERR_LIB_OBJ: return "OBJ";
    case ERR_LIB_PEM: return "PEM";
    case ERR_LIB_DSA: return "DSA";
    case ERR_LIB_X509: return "X509";
    case ERR_LIB_ASN1: return "ASN1";
    case ERR_LIB_CONF: return "CONF";
    case ERR_LIB_CRYPTO: return "CRYPTO";
    case ERR_LIB_EC: return "EC";
    case ERR_LIB_SSL: return "SSL";
    case ERR_LIB_BIO: return "BIO";
    case ERR_LIB_PKCS7: return "PKCS7";
    case ERR_LIB_X509V3: return "X509V3";
    case ERR_LIB_PKCS12: return "PKCS12";
    case ERR_LIB_RAND: return "RAND";
    case ERR_LIB_DSO: return "DSO";
    case ERR_LIB_ENGINE: return "ENGINE";
    case ERR_LIB_OCSP: return "OCSP";
    case ERR_LIB_UI: return "UI";
    case ERR_LIB_COMP: return "COMP";
    case ERR_LIB_ECDSA: return "ECDSA";
    case ERR_LIB_ECDH: return "ECDH";
    case ERR_LIB_OSSL_STORE: return "OSSL_STORE";
    case ERR_LIB_FIPS: return "FIPS";
    case ERR_LIB_CMS: return "CMS";
    case ERR_LIB_TS: return "TS";
    case ERR_LIB_HMAC: return "HMAC";
    case ERR_LIB_CT: return "CT";
    case ERR_LIB_ASYNC: return "ASYNC";
    case ERR_LIB_KDF: return "KDF";
    case ERR_LIB_SM2: return "SM2";
    case ERR_LIB_ESS: return "ESS";
    case ERR_LIB_PROP: return "PROP";
    case ERR_LIB_CRMF: return "CRMF";
    case ERR_LIB_PROV: return "PROV";
    case ERR_LIB_CMP: return "CMP";
    case ERR_LIB_OSSL_ENCODER: return "OSSL_ENCODER";
    case ERR_LIB_OSSL_DECODER: return "OSSL_DECODER";
    case ERR_LIB_HTTP: return "HTTP";
    case ERR_LIB_USER: return "USER";
    default: return nullptr;
  }
}

// The reason's mnemonic ("CERTIFICATE_VERIFY_FAILED"): OpenSSL's reason
// text in capitals with underscores, which is how OpenSSL derives its
// texts from the macro names. Reasons common to every library ("PEM lib")
// have none, as in CPython's table.
std::string reason_name(unsigned long code) {
  if (ERR_GET_LIB(code) == ERR_LIB_SYS) return "";
  int reason = ERR_GET_REASON(code);
  if (reason & ERR_RFLAG_COMMON) return "";
  const char* text = ERR_reason_error_string(code);
  if (!text) return "";
  std::string out;
  for (const char* p = text; *p; p++) {
    char c = *p;
    if (c == ' ' || c == '-' || c == '/') c = '_';
    else if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return "";
    out += c;
  }
  return out;
}

// CPython's fill_and_set_sslerror: type(ssl_errno, "[LIB: REASON] text
// (_ssl.c:line)") with library, reason and, for a certificate verification
// error, verify_code and verify_message.
Value ssl_error(SslObject* s, Type* type, int ssl_errno, const char* errstr, int line,
                unsigned long errcode) {
  Value lib_v = none(), reason_v = none();
  std::string lib, reason;
  if (errcode != 0) {
    const char* l = lib_name(ERR_GET_LIB(errcode));
    if (l) lib = l;
    reason = reason_name(errcode);
    if (!errstr) errstr = ERR_reason_error_string(errcode);
  }
  if (!errstr) errstr = "unknown error";
  Value verify_code = none(), verify_message = none();
  std::string verify;
  bool has_verify = false;
  if (s && type == g_cert_verification_error) {
    long code = SSL_get_verify_result(s->ssl);
    verify_code = int_from_i64(code);
    std::string host = s->server_hostname ? str_to_utf8(s->server_hostname.as<Str>()) : "None";
    if (code == X509_V_ERR_HOSTNAME_MISMATCH) {
      verify = "Hostname mismatch, certificate is not valid for '" + host + "'.";
      has_verify = true;
    } else if (code == X509_V_ERR_IP_ADDRESS_MISMATCH) {
      verify = "IP address mismatch, certificate is not valid for '" + host + "'.";
      has_verify = true;
    } else if (const char* t = X509_verify_cert_error_string(code)) {
      verify = t;
      has_verify = true;
    }
    if (has_verify) verify_message = str_from_utf8(verify);
  }
  char tail[64];
  std::snprintf(tail, sizeof tail, " (_ssl.c:%d)", line);
  std::string msg;
  if (has_verify && !reason.empty() && !lib.empty()) {
    msg = "[" + lib + ": " + reason + "] " + errstr + ": " + verify + tail;
  } else if (!reason.empty() && !lib.empty()) {
    msg = "[" + lib + ": " + reason + "] " + errstr + tail;
  } else if (!lib.empty()) {
    msg = "[" + lib + "] " + errstr + tail;
  } else {
    msg = std::string(errstr) + tail;
  }
  if (!lib.empty()) lib_v = str_from_utf8(lib);
  if (!reason.empty()) reason_v = str_from_utf8(reason);
  Value args[2] = {Value::small(ERR_GET_REASON(static_cast<unsigned long>(ssl_errno))),
                   str_from_utf8(msg)};
  Value e = exception_construct(type, args, 2, nullptr);
  if (!e) return {};
  if (!set_attr(e, intern("reason"), reason_v) || !set_attr(e, intern("library"), lib_v)) return {};
  if (s && type == g_cert_verification_error) {
    if (!set_attr(e, intern("verify_message"), verify_message) ||
        !set_attr(e, intern("verify_code"), verify_code))
      return {};
  }
  set_error(e.object());
  return {};
}

}  // namespace

Value ssl_detail::set_ssl_error_from_queue(const char* errstr, int line, unsigned long errcode) {
  if (errcode == 0) errcode = ERR_peek_last_error();
  ssl_error(nullptr, g_ssl_error, int(errcode), errstr, line, errcode);
  ERR_clear_error();
  return {};
}

namespace {

using ssl_detail::decode_certificate;
using ssl_detail::set_ssl_error_from_queue;

Value raise_ssl_message(const char* msg) { return raise(g_ssl_error, msg); }

// An exception a _msg_callback raised during an operation: raised at its
// end, as the __context__ of the operation's own error if it failed
// (CPython's PySSL_ChainExceptions). False when one is now pending.
bool chain_callback_error(SslObject* s) {
  if (!s->callback_error) return true;
  Object* stored = s->callback_error;
  s->callback_error = nullptr;
  if (has_error()) {
    Object* current = take_error();
    exception_set_context(current, stored);
    set_error(current);
  } else {
    set_error(stored);
  }
  return false;
}

// OpenSSL's message callback: _msg_callback(conn, "read"|"write", version,
// content_type, msg_type, data). msg_type is the first byte for the record
// types that have one, -1 otherwise; a record header reports its own
// version.
void msg_callback(int write_p, int version, int content_type, const void* buf, size_t len, SSL* ssl, void*) {
  auto* sobj = static_cast<SslObject*>(SSL_get_app_data(ssl));
  if (!sobj || sobj->callback_error) return;
  ContextObject* c = as_ctx(sobj->context);
  if (!c->msg_callback) return;
  const auto* p = static_cast<const unsigned char*>(buf);
  int msg_type = -1;
  switch (content_type) {
    case SSL3_RT_CHANGE_CIPHER_SPEC:
    case SSL3_RT_ALERT:
    case SSL3_RT_HANDSHAKE:
    case SSL3_RT_INNER_CONTENT_TYPE:
      if (len >= 1) msg_type = p[0];
      break;
    case SSL3_RT_HEADER:
      if (len >= 3) {
        version = (p[1] << 8) | p[2];
        msg_type = p[0];
      }
      break;
    default:
      break;
  }
  Value args[6] = {sobj->owner ? sobj->owner : Value(sobj), str_from_utf8(write_p ? "write" : "read"),
                   Value::small(version), Value::small(content_type), Value::small(msg_type),
                   bytes_from(buf, len)};
  Object* pending = take_error();  // an error of the operation itself stays
  Value r = call(c->msg_callback, args, 6);
  if (!r) {
    Object* e = take_error();
    gc::write_barrier(sobj, &sobj->callback_error, e);
    sobj->callback_error = e;
  }
  if (pending) set_error(pending);
}

Value ctx_get_msg_callback(Value self) { return or_none(as_ctx(self)->msg_callback); }
bool ctx_set_msg_callback(Value self, Value v) {
  ContextObject* c = as_ctx(self);
  if (!v || is_none(v)) {
    set_field(c, &c->msg_callback, Value());
    SSL_CTX_set_msg_callback(c->ctx, nullptr);
    return true;
  }
  if (!is_callable(v)) {
    SSL_CTX_set_msg_callback(c->ctx, nullptr);
    raise(exc::TypeError, "not a callable object");
    return false;
  }
  set_field(c, &c->msg_callback, v);
  SSL_CTX_set_msg_callback(c->ctx, msg_callback);
  return true;
}

// CPython's PySSL_SetError: the error of an SSL_* call that returned `ret`
// with SSL_get_error code `err` (errno_saved: errno right after the call).
Value ssl_set_error(SslObject* s, int ret, int err, int errno_saved, int line) {
  Type* type = g_ssl_error;
  const char* errstr = nullptr;
  int p = kErrNone;
  unsigned long e = ERR_peek_last_error();
  switch (err) {
    case SSL_ERROR_ZERO_RETURN:
      errstr = "TLS/SSL connection has been closed (EOF)";
      type = g_zero_return_error;
      p = kErrZeroReturn;
      break;
    case SSL_ERROR_WANT_READ:
      errstr = "The operation did not complete (read)";
      type = g_want_read_error;
      p = kErrWantRead;
      break;
    case SSL_ERROR_WANT_WRITE:
      p = kErrWantWrite;
      type = g_want_write_error;
      errstr = "The operation did not complete (write)";
      break;
    case SSL_ERROR_WANT_X509_LOOKUP:
      p = kErrWantX509Lookup;
      errstr = "The operation did not complete (X509 lookup)";
      break;
    case SSL_ERROR_WANT_CONNECT:
      p = kErrWantConnect;
      errstr = "The operation did not complete (connect)";
      break;
    case SSL_ERROR_SYSCALL:
      if (e == 0) {
        if (ret == 0 || !s->sock) {
          p = kErrEOF;
          type = g_eof_error;
          errstr = "EOF occurred in violation of protocol";
        } else if (ret == -1 && errno_saved != 0) {
          ERR_clear_error();
          return raise_os_error(errno_saved);
        } else {
          p = kErrEOF;
          type = g_eof_error;
          errstr = "EOF occurred in violation of protocol";
        }
      } else {
        p = kErrSyscall;
        type = g_syscall_error;
        errstr = "Some I/O error occurred";
      }
      break;
    case SSL_ERROR_SSL:
      p = kErrSSL;
      if (e == 0) errstr = "A failure in the SSL library occurred";
      if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_CERTIFICATE_VERIFY_FAILED)
        type = g_cert_verification_error;
      if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
        p = kErrEOF;
        type = g_eof_error;
        errstr = "EOF occurred in violation of protocol";
      }
      break;
    default:
      p = kErrInvalidCode;
      errstr = "Invalid error code";
  }
  ssl_error(s, type, p, errstr, line, e);
  ERR_clear_error();
  chain_callback_error(s);
  return {};
}

// ---- arguments ---------------------------------------------------------------------------------

bool buffer_arg(Value v, BufferView* out) {
  if (get_buffer(v, out)) return true;
  raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(v).c_str());
  return false;
}

// A path argument (str, bytes or os.PathLike) as bytes for OpenSSL.
bool path_arg(Value v, std::string* out) {
  Value p = posix::fspath(v);
  if (!p) return false;
  if (is_str(p)) {
    *out = str_to_utf8(p.as<Str>());
  } else {
    *out = std::string(p.as<Bytes>()->view());
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

Value cert_der(X509* cert) {
  unsigned char* buf = nullptr;
  int n = i2d_X509(cert, &buf);
  if (n < 0) return set_ssl_error_from_queue(nullptr, __LINE__);
  Value r = bytes_from(buf, size_t(n));
  OPENSSL_free(buf);
  return r;
}

Value ssl_test_decode_cert(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", nullptr};
  Value path_v;
  ArgSpec spec{"_test_decode_cert", kNames, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&path_v})) return {};
  std::string path;
  if (!path_arg(path_v, &path)) return {};
  BIO* b = BIO_new_file(path.c_str(), "r");
  if (!b) {
    ERR_clear_error();
    return raise_ssl_message("Can't open file");
  }
  X509* x = PEM_read_bio_X509(b, nullptr, nullptr, nullptr);
  BIO_free(b);
  if (!x) {
    ERR_clear_error();
    return raise_ssl_message("Error decoding PEM-encoded file");
  }
  Value r = decode_certificate(x);
  X509_free(x);
  return r;
}

// ---- MemoryBIO ---------------------------------------------------------------------------------

Value bio_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 0) return raise(exc::TypeError, "MemoryBIO() takes no positional arguments");
  if (kwnames && kwnames->length > 0) return raise(exc::TypeError, "MemoryBIO() takes no keyword arguments");
  BIO* bio = BIO_new(BIO_s_mem());
  if (!bio) return raise(exc::MemoryError, "failed to allocate BIO");
  // A read from an empty BIO is "retry", not end of file, until
  // write_eof().
  BIO_set_retry_read(bio);
  BIO_set_mem_eof_return(bio, -1);
  auto* b = static_cast<BioObject*>(alloc_instance(t));
  if (!b) {
    BIO_free(bio);
    return {};
  }
  b->bio = bio;
  b->eof_written = false;
  gc::Heap::current()->register_finalizer(b);
  return b;
}

Value bio_read(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", nullptr};
  Value size_v;
  ArgSpec spec{"read", kNames, 0, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&size_v})) return {};
  int64_t size = -1;
  if (size_v && !arg_ssize(size_v, &size)) return {};
  if (size > INT_MAX) size = INT_MAX;
  BioObject* b = as_bio(self);
  int avail = int(BIO_ctrl_pending(b->bio));
  int len = (size < 0 || size > avail) ? avail : int(size);
  std::string buf(size_t(len), '\0');
  int n = 0;
  if (len > 0) {
    n = BIO_read(b->bio, buf.data(), len);
    if (n < 0) return set_ssl_error_from_queue(nullptr, __LINE__);
  }
  return bytes_from(buf.data(), size_t(n));
}

Value bio_write(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"", nullptr};
  Value data;
  ArgSpec spec{"write", kNames, 1, 1};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&data})) return {};
  BufferView view;
  if (!buffer_arg(data, &view)) return {};
  if (view.length > INT_MAX) return raisef(exc::OverflowError, "string longer than %d bytes", INT_MAX);
  BioObject* b = as_bio(self);
  if (b->eof_written) return raise_ssl_message("cannot write() after write_eof()");
  int n = BIO_write(b->bio, view.data, int(view.length));
  if (n < 0) return set_ssl_error_from_queue(nullptr, __LINE__);
  return int_from_i64(n);
}

Value bio_write_eof(Value self, const Value*, size_t, Tuple*) {
  BioObject* b = as_bio(self);
  b->eof_written = true;
  // Reads from now on return end of file, not "retry".
  BIO_clear_retry_flags(b->bio);
  BIO_set_mem_eof_return(b->bio, 0);
  return none();
}

Value bio_pending(Value self) { return int_from_i64(int64_t(BIO_ctrl_pending(as_bio(self)->bio))); }
Value bio_eof(Value self) {
  BioObject* b = as_bio(self);
  return py_bool(BIO_ctrl_pending(b->bio) == 0 && b->eof_written);
}

// ---- _SSLContext -------------------------------------------------------------------------------

int password_callback(char* buf, int size, int, void* userdata);

struct PasswordInfo {
  Value password;      // str, bytes-like or a callable
  bool failed = false; // a Python error is pending
};

Value context_new(Type* t, const Value* args, size_t nargs, Tuple* kwnames) {
  if (t == g_context && !check_no_kwargs("_SSLContext", kwnames)) return {};
  if (!check_nargs("_SSLContext", nargs, 1, 1)) return {};
  int proto;
  if (!arg_int(args[0], &proto)) return {};
  const SSL_METHOD* method = nullptr;
  const char* deprecated = nullptr;
  switch (proto) {
    case kProtoTLS1:
      method = TLSv1_method();
      deprecated = "ssl.PROTOCOL_TLSv1 is deprecated";
      break;
    case kProtoTLS1_1:
      method = TLSv1_1_method();
      deprecated = "ssl.PROTOCOL_TLSv1_1 is deprecated";
      break;
    case kProtoTLS1_2:
      method = TLSv1_2_method();
      deprecated = "ssl.PROTOCOL_TLSv1_2 is deprecated";
      break;
    case kProtoTLS:
      method = TLS_method();
      deprecated = "ssl.PROTOCOL_TLS is deprecated";
      break;
    case kProtoTLSClient: method = TLS_client_method(); break;
    case kProtoTLSServer: method = TLS_server_method(); break;
    default: break;
  }
  if (!method) return raisef(exc::ValueError, "invalid or unsupported protocol version %d", proto);
  if (deprecated && !issue_warning(exc::DeprecationWarning, deprecated, 2)) return {};
  SSL_CTX* ctx = SSL_CTX_new(method);
  if (!ctx) return set_ssl_error_from_queue(nullptr, __LINE__);
  auto* c = static_cast<ContextObject*>(alloc_instance(t));
  if (!c) {
    SSL_CTX_free(ctx);
    return {};
  }
  c->ctx = ctx;
  c->protocol = proto;
  c->post_handshake_auth = false;
  c->host_flags = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
  c->sni_callback = Value();
  c->alpn_protocols = Value();
  c->msg_callback = Value();
  gc::Heap::current()->register_finalizer(c);
  if (proto == kProtoTLSClient) {
    c->check_hostname = true;
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  } else {
    c->check_hostname = false;
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  }
  uint64_t options = SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS;
  options |= SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_COMPRESSION |
             SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_SINGLE_DH_USE | SSL_OP_SINGLE_ECDH_USE |
             SSL_OP_IGNORE_UNEXPECTED_EOF;
  SSL_CTX_set_options(ctx, options);
  SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
  static const unsigned char kSessionId[] = "Python";
  SSL_CTX_set_session_id_context(ctx, kSessionId, sizeof kSessionId);
  X509_VERIFY_PARAM* params = SSL_CTX_get0_param(ctx);
  X509_VERIFY_PARAM_set_flags(params, X509_V_FLAG_TRUSTED_FIRST);
  X509_VERIFY_PARAM_set_hostflags(params, c->host_flags);
  SSL_CTX_set_app_data(ctx, c);
  return c;
}

int verify_mode_of(SSL_CTX* ctx) {
  int mode = SSL_CTX_get_verify_mode(ctx);
  switch (mode & (SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT)) {
    case SSL_VERIFY_NONE: return 0;
    case SSL_VERIFY_PEER: return 1;
    default: return 2;
  }
}

bool set_verify_mode(ContextObject* c, int n) {
  int mode;
  switch (n) {
    case 0: mode = SSL_VERIFY_NONE; break;
    case 1: mode = SSL_VERIFY_PEER; break;
    case 2: mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT; break;
    default:
      raise(exc::ValueError, "invalid value for verify_mode");
      return false;
  }
  // Post-handshake authentication keeps its bit (CPython keeps it too).
  mode |= SSL_CTX_get_verify_mode(c->ctx) & SSL_VERIFY_POST_HANDSHAKE;
  SSL_CTX_set_verify(c->ctx, mode, SSL_CTX_get_verify_callback(c->ctx));
  return true;
}

Value ctx_get_verify_mode(Value self) { return Value::small(verify_mode_of(as_ctx(self)->ctx)); }
bool ctx_set_verify_mode(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete attribute");  // (never reached from Python: see below)
    return false;
  }
  int n;
  if (!arg_int(v, &n)) return false;
  ContextObject* c = as_ctx(self);
  if (n == 0 && c->check_hostname) {
    raise(exc::ValueError, "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
    return false;
  }
  return set_verify_mode(c, n);
}

Value ctx_get_check_hostname(Value self) { return py_bool(as_ctx(self)->check_hostname); }
bool ctx_set_check_hostname(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete attribute");
    return false;
  }
  int t = truth(v);
  if (t < 0) return false;
  ContextObject* c = as_ctx(self);
  if (t && verify_mode_of(c->ctx) == 0 && !set_verify_mode(c, 2)) return false;
  c->check_hostname = t != 0;
  return true;
}

Value ctx_get_options(Value self) { return int_from_u64(SSL_CTX_get_options(as_ctx(self)->ctx)); }
bool ctx_set_options(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete attribute");
    return false;
  }
  // The "l" converter (a C long), taken as the 64 option bits.
  long value;
  if (!arg_long(v, &value)) return false;
  uint64_t new_opts = static_cast<uint64_t>(value);
  ContextObject* c = as_ctx(self);
  uint64_t opts = SSL_CTX_get_options(c->ctx);
  uint64_t clear = opts & ~new_opts;
  uint64_t set = ~opts & new_opts;
  const uint64_t opt_no = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 |
                          SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
  if ((set & opt_no) != 0 &&
      !issue_warning(exc::DeprecationWarning, "ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated", 2))
    return false;
  if (clear) SSL_CTX_clear_options(c->ctx, clear);
  if (set) SSL_CTX_set_options(c->ctx, set);
  return true;
}

Value ctx_get_protocol(Value self) { return Value::small(as_ctx(self)->protocol); }

Value ctx_get_verify_flags(Value self) {
  X509_VERIFY_PARAM* p = SSL_CTX_get0_param(as_ctx(self)->ctx);
  return int_from_u64(X509_VERIFY_PARAM_get_flags(p));
}
bool ctx_set_verify_flags(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete attribute");
    return false;
  }
  int64_t n;
  if (!index_i64(v, &n)) return false;
  X509_VERIFY_PARAM* p = SSL_CTX_get0_param(as_ctx(self)->ctx);
  unsigned long flags = X509_VERIFY_PARAM_get_flags(p);
  unsigned long new_flags = static_cast<unsigned long>(n);
  unsigned long clear = flags & ~new_flags;
  unsigned long set = ~flags & new_flags;
  if (clear && !X509_VERIFY_PARAM_clear_flags(p, clear)) {
    set_ssl_error_from_queue(nullptr, __LINE__);
    return false;
  }
  if (set && !X509_VERIFY_PARAM_set_flags(p, set)) {
    set_ssl_error_from_queue(nullptr, __LINE__);
    return false;
  }
  return true;
}

Value ctx_get_host_flags(Value self) { return int_from_u64(as_ctx(self)->host_flags); }
bool ctx_set_host_flags(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete attribute");
    return false;
  }
  int64_t n;
  if (!index_i64(v, &n)) return false;
  ContextObject* c = as_ctx(self);
  c->host_flags = unsigned(n);
  X509_VERIFY_PARAM_set_hostflags(SSL_CTX_get0_param(c->ctx), c->host_flags);
  return true;
}

Value version_value(int v, bool minimum) {
  if (v == 0) return Value::small(minimum ? kProtoMinimumSupported : kProtoMaximumSupported);
  return Value::small(v);
}
Value ctx_get_minimum_version(Value self) {
  return version_value(int(SSL_CTX_get_min_proto_version(as_ctx(self)->ctx)), true);
}
Value ctx_get_maximum_version(Value self) {
  return version_value(int(SSL_CTX_get_max_proto_version(as_ctx(self)->ctx)), false);
}

bool set_min_max(Value self, Value v, bool minimum) {
  if (!v) {
    raise(exc::TypeError, "can't delete attribute");
    return false;
  }
  int n;
  if (!arg_int(v, &n)) return false;
  ContextObject* c = as_ctx(self);
  if (c->protocol != kProtoTLS && c->protocol != kProtoTLSClient && c->protocol != kProtoTLSServer) {
    raise(exc::ValueError, "The context's protocol doesn't support modification of highest and lowest version.");
    return false;
  }
  int version = n;
  switch (n) {
    case kProtoMinimumSupported:
      version = minimum ? 0 : TLS1_VERSION;
      break;
    case kProtoMaximumSupported:
      version = minimum ? TLS1_3_VERSION : 0;
      break;
    case SSL3_VERSION:
    case TLS1_VERSION:
    case TLS1_1_VERSION:
    case TLS1_2_VERSION:
    case TLS1_3_VERSION:
      break;
    default:
      raisef(exc::ValueError, "Unsupported TLS/SSL version 0x%x", unsigned(n));
      return false;
  }
  int ok = minimum ? SSL_CTX_set_min_proto_version(c->ctx, version)
                   : SSL_CTX_set_max_proto_version(c->ctx, version);
  if (!ok) {
    ERR_clear_error();
    raisef(exc::ValueError, "Unsupported protocol version 0x%x", unsigned(n));
    return false;
  }
  return true;
}
bool ctx_set_minimum_version(Value self, Value v) { return set_min_max(self, v, true); }
bool ctx_set_maximum_version(Value self, Value v) { return set_min_max(self, v, false); }

Value ctx_get_post_handshake_auth(Value self) { return py_bool(as_ctx(self)->post_handshake_auth); }
bool ctx_set_post_handshake_auth(Value self, Value v) {
  if (!v) {
    raise(exc::AttributeError, "cannot delete attribute");
    return false;
  }
  int t = truth(v);
  if (t < 0) return false;
  as_ctx(self)->post_handshake_auth = t != 0;
  return true;
}

Value ctx_get_security_level(Value self) { return Value::small(SSL_CTX_get_security_level(as_ctx(self)->ctx)); }

Value ctx_get_num_tickets(Value self) { return int_from_u64(SSL_CTX_get_num_tickets(as_ctx(self)->ctx)); }
bool ctx_set_num_tickets(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "can't delete attribute");
    return false;
  }
  int64_t n;
  if (!index_i64(v, &n)) return false;
  if (n < 0) {
    raise(exc::ValueError, "value must be non-negative");
    return false;
  }
  ContextObject* c = as_ctx(self);
  if (c->protocol != kProtoTLSServer) {
    raise(exc::ValueError, "SSLContext is not a server context.");
    return false;
  }
  if (SSL_CTX_set_num_tickets(c->ctx, size_t(n)) != 1) {
    raise(exc::ValueError, "failed to set num tickets.");
    return false;
  }
  return true;
}

// The SNI callback: sni_callback(ssl_object, server_name, context). Its
// result: None (go on), or an alert number to fail the handshake with.
int servername_callback(SSL* s, int* alert, void*) {
  auto* sobj = static_cast<SslObject*>(SSL_get_app_data(s));
  if (!sobj) return SSL_TLSEXT_ERR_OK;
  ContextObject* c = as_ctx(sobj->context);
  if (!c->sni_callback) return SSL_TLSEXT_ERR_OK;
  const char* name = SSL_get_servername(s, TLSEXT_NAMETYPE_host_name);
  Value name_v = none();
  if (name) {
    Value raw = bytes_from(name, std::strlen(name));
    Value dargs[1] = {str_from_utf8("idna")};
    name_v = call_method(raw, intern("decode"), dargs, 1);
    if (!name_v) {
      clear_error();
      *alert = SSL_AD_INTERNAL_ERROR;
      return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
  }
  Value ssl_v = sobj->owner ? sobj->owner : Value(sobj);
  Value cargs[3] = {ssl_v, name_v, sobj->context};
  Value r = call(c->sni_callback, cargs, 3);
  if (!r) {
    // Reported as unraisable (CPython: "in ssl_servername_cb"), and the
    // handshake fails.
    write_unraisable_error(c->sni_callback);
    *alert = SSL_AD_HANDSHAKE_FAILURE;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  if (is_none(r)) return SSL_TLSEXT_ERR_OK;
  int64_t a;
  if (!index_i64(r, &a)) {
    clear_error();
    *alert = SSL_AD_INTERNAL_ERROR;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  *alert = int(a);
  return SSL_TLSEXT_ERR_ALERT_FATAL;
}

Value ctx_get_sni_callback(Value self) { return or_none(as_ctx(self)->sni_callback); }
bool ctx_set_sni_callback(Value self, Value v) {
  ContextObject* c = as_ctx(self);
  if (c->protocol == kProtoTLSClient) {
    raise(exc::ValueError, "sni_callback cannot be set on TLS_CLIENT context");
    return false;
  }
  if (!v || is_none(v)) {
    set_field(c, &c->sni_callback, Value());
    SSL_CTX_set_tlsext_servername_callback(c->ctx, nullptr);
    return true;
  }
  if (!is_callable(v)) {
    SSL_CTX_set_tlsext_servername_callback(c->ctx, nullptr);
    raise(exc::TypeError, "not a callable object");
    return false;
  }
  set_field(c, &c->sni_callback, v);
  SSL_CTX_set_tlsext_servername_callback(c->ctx, servername_callback);
  return true;
}

// The password callback of load_cert_chain: a str, bytes-like or a
// callable returning one, at most `size` bytes.
int password_callback(char* buf, int size, int, void* userdata) {
  auto* info = static_cast<PasswordInfo*>(userdata);
  if (info->failed) return -1;
  Value pw = info->password;
  if (is_callable(pw)) {
    pw = call0(pw);
    if (!pw) {
      info->failed = true;
      return -1;
    }
  }
  std::string data;
  if (is_str(pw)) {
    data = str_to_utf8(pw.as<Str>());
  } else {
    BufferView view;
    if (!get_buffer(pw, &view)) {
      raise(exc::TypeError, is_callable(info->password)
                                ? "password callback must return a string"
                                : "password should be a string or callable");
      info->failed = true;
      return -1;
    }
    data.assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
  }
  if (int64_t(data.size()) > int64_t(size)) {
    raisef(exc::ValueError, "password cannot be longer than %d bytes", size);
    info->failed = true;
    return -1;
  }
  std::memcpy(buf, data.data(), data.size());
  return int(data.size());
}

Value ctx_load_cert_chain(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"certfile", "keyfile", "password", nullptr};
  Value certfile_v, keyfile_v, password_v;
  ArgSpec spec{"load_cert_chain", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&certfile_v, &keyfile_v, &password_v})) return {};
  ContextObject* c = as_ctx(self);
  std::string certfile, keyfile;
  Value certpath = posix::fspath(certfile_v);
  if (!certpath) {
    clear_error();
    return raise(exc::TypeError, "certfile should be a valid filesystem path");
  }
  if (!path_arg(certpath, &certfile)) return {};
  bool has_key = keyfile_v && !is_none(keyfile_v);
  if (has_key) {
    Value keypath = posix::fspath(keyfile_v);
    if (!keypath) {
      clear_error();
      return raise(exc::TypeError, "keyfile should be a valid filesystem path");
    }
    if (!path_arg(keypath, &keyfile)) return {};
  }
  if (!has_key) keyfile = certfile;
  PasswordInfo info;
  bool has_password = password_v && !is_none(password_v);
  if (has_password) {
    if (!is_callable(password_v) && !is_str(password_v)) {
      BufferView probe;
      if (!get_buffer(password_v, &probe))
        return raise(exc::TypeError, "password should be a string or callable");
    }
    info.password = password_v;
  }
  pem_password_cb* old_cb = SSL_CTX_get_default_passwd_cb(c->ctx);
  void* old_data = SSL_CTX_get_default_passwd_cb_userdata(c->ctx);
  if (has_password) {
    SSL_CTX_set_default_passwd_cb(c->ctx, password_callback);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, &info);
  }
  auto restore = [&] {
    SSL_CTX_set_default_passwd_cb(c->ctx, old_cb);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, old_data);
  };
  errno = 0;
  int r = SSL_CTX_use_certificate_chain_file(c->ctx, certfile.c_str());
  if (r != 1) {
    restore();
    if (info.failed) {
      ERR_clear_error();
      return {};
    }
    if (errno != 0) {
      int e = errno;
      ERR_clear_error();
      return raise_os_error(e);
    }
    return set_ssl_error_from_queue(nullptr, __LINE__);
  }
  errno = 0;
  r = SSL_CTX_use_PrivateKey_file(c->ctx, keyfile.c_str(), SSL_FILETYPE_PEM);
  restore();
  if (r != 1) {
    if (info.failed) {
      ERR_clear_error();
      return {};
    }
    if (errno != 0) {
      int e = errno;
      ERR_clear_error();
      return raise_os_error(e);
    }
    return set_ssl_error_from_queue(nullptr, __LINE__);
  }
  if (SSL_CTX_check_private_key(c->ctx) != 1) return set_ssl_error_from_queue(nullptr, __LINE__);
  return none();
}

// cadata: PEM text (str) or DER certificates (bytes-like), added to the
// store; a certificate already there is not an error.
bool add_cadata(ContextObject* c, const void* data, size_t len, bool pem) {
  BIO* b = BIO_new_mem_buf(data, int(len));
  X509_STORE* store = SSL_CTX_get_cert_store(c->ctx);
  int loaded = 0;
  for (;;) {
    X509* x = pem ? PEM_read_bio_X509(b, nullptr, SSL_CTX_get_default_passwd_cb(c->ctx),
                                      SSL_CTX_get_default_passwd_cb_userdata(c->ctx))
                  : d2i_X509_bio(b, nullptr);
    if (!x) break;
    if (!X509_STORE_add_cert(store, x)) {
      unsigned long err = ERR_peek_last_error();
      if (ERR_GET_LIB(err) != ERR_LIB_X509 || ERR_GET_REASON(err) != X509_R_CERT_ALREADY_IN_HASH_TABLE) {
        X509_free(x);
        BIO_free(b);
        set_ssl_error_from_queue(nullptr, __LINE__);
        return false;
      }
      ERR_clear_error();
    }
    X509_free(x);
    loaded++;
  }
  BIO_free(b);
  unsigned long err = ERR_peek_last_error();
  if (loaded == 0) {
    const char* msg = pem ? "no start line: cadata does not contain a certificate"
                          : "not enough data: cadata does not contain a certificate";
    ERR_clear_error();
    set_ssl_error_from_queue(msg, __LINE__);
    return false;
  }
  if ((pem && ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE) ||
      (!pem && ERR_GET_LIB(err) == ERR_LIB_ASN1 && ERR_GET_REASON(err) == ASN1_R_HEADER_TOO_LONG)) {
    ERR_clear_error();  // the end of the data
    return true;
  }
  if (err != 0) {
    set_ssl_error_from_queue(nullptr, __LINE__);
    return false;
  }
  return true;
}

Value ctx_load_verify_locations(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"cafile", "capath", "cadata", nullptr};
  Value cafile_v, capath_v, cadata_v;
  ArgSpec spec{"load_verify_locations", kNames, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&cafile_v, &capath_v, &cadata_v})) return {};
  ContextObject* c = as_ctx(self);
  bool has_file = cafile_v && !is_none(cafile_v);
  bool has_path = capath_v && !is_none(capath_v);
  bool has_data = cadata_v && !is_none(cadata_v);
  if (!has_file && !has_path && !has_data)
    return raise(exc::TypeError, "cafile, capath and cadata cannot be all omitted");
  std::string cafile, capath;
  if (has_file) {
    Value p = posix::fspath(cafile_v);
    if (!p) {
      clear_error();
      return raise(exc::TypeError, "cafile should be a valid filesystem path");
    }
    if (!path_arg(p, &cafile)) return {};
  }
  if (has_path) {
    Value p = posix::fspath(capath_v);
    if (!p) {
      clear_error();
      return raise(exc::TypeError, "capath should be a valid filesystem path");
    }
    if (!path_arg(p, &capath)) return {};
  }
  if (has_data) {
    if (is_str(cadata_v)) {
      std::string text = str_to_utf8(cadata_v.as<Str>());
      for (unsigned char ch : text) {
        if (ch >= 0x80) return raise(exc::TypeError, "cadata should be an ASCII string or a bytes-like object");
      }
      if (!add_cadata(c, text.data(), text.size(), true)) return {};
    } else {
      BufferView view;
      if (!get_buffer(cadata_v, &view))
        return raise(exc::TypeError, "cadata should be an ASCII string or a bytes-like object");
      if (!add_cadata(c, view.data, size_t(view.length), false)) return {};
    }
  }
  if (has_file || has_path) {
    errno = 0;
    int r = SSL_CTX_load_verify_locations(c->ctx, has_file ? cafile.c_str() : nullptr,
                                          has_path ? capath.c_str() : nullptr);
    if (r != 1) {
      if (errno != 0) {
        int e = errno;
        ERR_clear_error();
        return raise_os_error(e);
      }
      return set_ssl_error_from_queue(nullptr, __LINE__);
    }
  }
  return none();
}

Value ctx_set_default_verify_paths(Value self, const Value*, size_t, Tuple*) {
  if (!SSL_CTX_set_default_verify_paths(as_ctx(self)->ctx)) return set_ssl_error_from_queue(nullptr, __LINE__);
  return none();
}

Value ctx_set_ciphers(Value self, const Value* args, size_t, Tuple*) {
  if (!is_str(args[0]))
    return raisef(exc::TypeError, "set_ciphers() argument must be str, not %s", type_name(args[0]).c_str());
  std::string list = str_to_utf8(args[0].as<Str>());
  if (list.find('\0') != std::string::npos) return raise(exc::ValueError, "embedded null character");
  if (!SSL_CTX_set_cipher_list(as_ctx(self)->ctx, list.c_str())) {
    ERR_clear_error();
    return raise_ssl_message("No cipher can be selected.");
  }
  return none();
}

Value cipher_to_dict(const SSL_CIPHER* cipher) {
  Dict* d = dict_new();
  char buf[512];
  const char* desc = SSL_CIPHER_description(cipher, buf, sizeof buf - 1);
  std::string description = desc ? desc : "";
  if (!description.empty() && description.back() == '\n') description.pop_back();
  int alg_bits = 0;
  int strength_bits = SSL_CIPHER_get_bits(cipher, &alg_bits);
  auto ln_or_none = [](int nid) -> Value {
    if (nid == NID_undef) return none();
    const char* ln = OBJ_nid2ln(nid);
    return ln ? Value(str_from_utf8(ln)) : none();
  };
  dict_set_str(d, intern("id"), int_from_u64(SSL_CIPHER_get_id(cipher)));
  dict_set_str(d, intern("name"), str_from_utf8(SSL_CIPHER_get_name(cipher)));
  dict_set_str(d, intern("protocol"), str_from_utf8(SSL_CIPHER_get_version(cipher)));
  dict_set_str(d, intern("description"), str_from_utf8(description));
  dict_set_str(d, intern("strength_bits"), Value::small(strength_bits));
  dict_set_str(d, intern("alg_bits"), Value::small(alg_bits));
  dict_set_str(d, intern("aead"), py_bool(SSL_CIPHER_is_aead(cipher)));
  dict_set_str(d, intern("symmetric"), ln_or_none(SSL_CIPHER_get_cipher_nid(cipher)));
  dict_set_str(d, intern("digest"), ln_or_none(SSL_CIPHER_get_digest_nid(cipher)));
  dict_set_str(d, intern("kea"), ln_or_none(SSL_CIPHER_get_kx_nid(cipher)));
  dict_set_str(d, intern("auth"), ln_or_none(SSL_CIPHER_get_auth_nid(cipher)));
  return d;
}

Value ctx_get_ciphers(Value self, const Value*, size_t, Tuple*) {
  SSL* ssl = SSL_new(as_ctx(self)->ctx);
  if (!ssl) return set_ssl_error_from_queue(nullptr, __LINE__);
  STACK_OF(SSL_CIPHER)* sk = SSL_get_ciphers(ssl);
  List* out = list_new();
  for (int i = 0; i < sk_SSL_CIPHER_num(sk); i++) {
    Value d = cipher_to_dict(sk_SSL_CIPHER_value(sk, i));
    if (!d) {
      SSL_free(ssl);
      return {};
    }
    list_append(out, d);
  }
  SSL_free(ssl);
  return out;
}

// ALPN: the server picks the first of its protocols the client offers.
int alpn_select_callback(SSL*, const unsigned char** out, unsigned char* outlen, const unsigned char* client,
                         unsigned int client_len, void* arg) {
  auto* c = static_cast<ContextObject*>(arg);
  if (!c->alpn_protocols) return SSL_TLSEXT_ERR_NOACK;
  Bytes* mine = c->alpn_protocols.as<Bytes>();
  unsigned char* selected = nullptr;
  int r = SSL_select_next_proto(&selected, outlen, reinterpret_cast<const unsigned char*>(mine->data()),
                                unsigned(mine->length), client, client_len);
  if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_NOACK;
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

Value ctx_set_alpn_protocols(Value self, const Value* args, size_t, Tuple*) {
  BufferView view;
  if (!buffer_arg(args[0], &view)) return {};
  if (view.length > UINT_MAX) return raisef(exc::OverflowError, "protocols longer than %u bytes", UINT_MAX);
  ContextObject* c = as_ctx(self);
  set_field(c, &c->alpn_protocols, bytes_from(view.data, size_t(view.length)));
  Bytes* b = c->alpn_protocols.as<Bytes>();
  if (SSL_CTX_set_alpn_protos(c->ctx, reinterpret_cast<const unsigned char*>(b->data()), unsigned(b->length)))
    return raise(exc::MemoryError, "");
  SSL_CTX_set_alpn_select_cb(c->ctx, alpn_select_callback, c);
  return none();
}

Value ctx_set_ecdh_curve(Value self, const Value* args, size_t, Tuple*) {
  Value name_v = args[0];
  std::string name;
  if (is_str(name_v)) {
    name = str_to_utf8(name_v.as<Str>());
  } else if (is_bytes(name_v)) {
    name = std::string(name_v.as<Bytes>()->view());
  } else {
    Value p = posix::fspath(name_v);
    if (!p) return {};
    if (!path_arg(p, &name)) return {};
  }
  int nid = OBJ_sn2nid(name.c_str());
  if (nid == 0) return raisef(exc::ValueError, "unknown elliptic curve name %s", repr_utf8(name_v).c_str());
  if (!SSL_CTX_set1_groups(as_ctx(self)->ctx, &nid, 1)) return set_ssl_error_from_queue(nullptr, __LINE__);
  return none();
}

Value ctx_cert_store_stats(Value self, const Value*, size_t, Tuple*) {
  X509_STORE* store = SSL_CTX_get_cert_store(as_ctx(self)->ctx);
  STACK_OF(X509_OBJECT)* objs = X509_STORE_get0_objects(store);
  int x509 = 0, crl = 0, ca = 0;
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
    X509_OBJECT* obj = sk_X509_OBJECT_value(objs, i);
    switch (X509_OBJECT_get_type(obj)) {
      case X509_LU_X509:
        x509++;
        if (X509_check_ca(X509_OBJECT_get0_X509(obj))) ca++;
        break;
      case X509_LU_CRL: crl++; break;
      default: break;
    }
  }
  Dict* d = dict_new();
  dict_set_str(d, intern("x509"), Value::small(x509));
  dict_set_str(d, intern("crl"), Value::small(crl));
  dict_set_str(d, intern("x509_ca"), Value::small(ca));
  return d;
}

Value ctx_get_ca_certs(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"binary_form", nullptr};
  Value binary_v;
  ArgSpec spec{"get_ca_certs", kNames, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&binary_v})) return {};
  int binary = 0;
  if (binary_v && (binary = truth(binary_v)) < 0) return {};
  X509_STORE* store = SSL_CTX_get_cert_store(as_ctx(self)->ctx);
  STACK_OF(X509_OBJECT)* objs = X509_STORE_get0_objects(store);
  List* out = list_new();
  for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
    X509_OBJECT* obj = sk_X509_OBJECT_value(objs, i);
    if (X509_OBJECT_get_type(obj) != X509_LU_X509) continue;
    X509* cert = X509_OBJECT_get0_X509(obj);
    if (!X509_check_ca(cert)) continue;
    Value v = binary ? cert_der(cert) : decode_certificate(cert);
    if (!v) return {};
    list_append(out, v);
  }
  return out;
}

Value ctx_session_stats(Value self, const Value*, size_t, Tuple*) {
  SSL_CTX* ctx = as_ctx(self)->ctx;
  Dict* d = dict_new();
  auto put = [&](const char* name, long v) { dict_set_str(d, intern(name), int_from_i64(v)); };
  put("number", SSL_CTX_sess_number(ctx));
  put("connect", SSL_CTX_sess_connect(ctx));
  put("connect_good", SSL_CTX_sess_connect_good(ctx));
  put("connect_renegotiate", SSL_CTX_sess_connect_renegotiate(ctx));
  put("accept", SSL_CTX_sess_accept(ctx));
  put("accept_good", SSL_CTX_sess_accept_good(ctx));
  put("accept_renegotiate", SSL_CTX_sess_accept_renegotiate(ctx));
  put("accept", SSL_CTX_sess_accept(ctx));
  put("hits", SSL_CTX_sess_hits(ctx));
  put("misses", SSL_CTX_sess_misses(ctx));
  put("timeouts", SSL_CTX_sess_timeouts(ctx));
  put("cache_full", SSL_CTX_sess_cache_full(ctx));
  return d;
}

Value ctx_load_dh_params(Value self, const Value* args, size_t, Tuple*) {
  std::string path;
  if (!path_arg(args[0], &path)) return {};
  errno = 0;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return raise_os_error(errno);
  DH* dh = PEM_read_DHparams(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  if (!dh) {
    if (errno != 0) {
      int e = errno;
      ERR_clear_error();
      return raise_os_error(e);
    }
    return set_ssl_error_from_queue(nullptr, __LINE__);
  }
  int ok = SSL_CTX_set_tmp_dh(as_ctx(self)->ctx, dh);
  DH_free(dh);
  if (!ok) return set_ssl_error_from_queue(nullptr, __LINE__);
  return none();
}

// ---- the TLS object -----------------------------------------------------------------------------

bool configure_hostname(SslObject* s, const std::string& host) {
  if (host.empty() || host[0] == '.') {
    raise(exc::ValueError, "server_hostname cannot be an empty string or start with a leading dot.");
    return false;
  }
  ASN1_OCTET_STRING* ip = a2i_IPADDRESS(host.c_str());
  if (!ip) ERR_clear_error();
  if (!ip && !SSL_set_tlsext_host_name(s->ssl, host.c_str())) {
    set_ssl_error_from_queue(nullptr, __LINE__);
    return false;
  }
  if (as_ctx(s->context)->check_hostname) {
    X509_VERIFY_PARAM* param = SSL_get0_param(s->ssl);
    int ok = ip ? X509_VERIFY_PARAM_set1_ip(param, ASN1_STRING_get0_data(ip), size_t(ASN1_STRING_length(ip)))
                : X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size());
    if (!ok) {
      if (ip) ASN1_OCTET_STRING_free(ip);
      set_ssl_error_from_queue(nullptr, __LINE__);
      return false;
    }
  }
  if (ip) ASN1_OCTET_STRING_free(ip);
  set_field(s, &s->server_hostname, str_from_utf8(host));
  return true;
}

bool set_session(SslObject* s, Value v);

// CPython's newPySSLSocket: an SSL over two MemoryBIOs or a socket's fd.
Value new_ssl_object(ContextObject* c, Value sock, int fd, Value incoming, Value outgoing, bool server_side,
                     Value hostname, Value owner, Value session) {
  std::string host;
  bool has_host = hostname && !is_none(hostname);
  if (has_host) {
    if (!is_str(hostname)) {
      return raisef(exc::TypeError, "argument must be str, not %s", type_name(hostname).c_str());
    }
    host = str_to_utf8(hostname.as<Str>());
    for (unsigned char ch : host) {
      if (ch >= 0x80) {
        Value a[2] = {str_from_utf8("ascii"), str_from_utf8("strict")};
        return call_method(hostname, intern("encode"), a, 2);  // raises UnicodeEncodeError
      }
    }
    if (host.find('\0') != std::string::npos)
      return raise(exc::TypeError, "argument must be encoded string without null bytes, not str");
  }
  SSL* ssl = SSL_new(c->ctx);
  if (!ssl) return set_ssl_error_from_queue(nullptr, __LINE__);
  auto* s = static_cast<SslObject*>(alloc_instance(g_sslsocket));
  if (!s) {
    SSL_free(ssl);
    return {};
  }
  s->ssl = ssl;
  s->context = c;
  s->incoming = incoming;
  s->outgoing = outgoing;
  s->sock = sock;
  s->server_hostname = Value();
  s->owner = (owner && !is_none(owner)) ? owner : Value();
  s->server_side = server_side;
  s->shutdown_seen_zero = false;
  s->handshake_done = false;
  s->callback_error = nullptr;
  gc::Heap::current()->register_finalizer(s);
  SSL_set_app_data(ssl, s);
  if (sock) {
    SSL_set_fd(ssl, fd);
  } else {
    BIO* in = as_bio(incoming)->bio;
    BIO* out = as_bio(outgoing)->bio;
    BIO_up_ref(in);
    BIO_up_ref(out);
    SSL_set_bio(ssl, in, out);
  }
  SSL_set_mode(ssl, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
  if (c->post_handshake_auth) {
    if (server_side) {
      int mode = SSL_get_verify_mode(ssl);
      if (mode & SSL_VERIFY_PEER) SSL_set_verify(ssl, mode | SSL_VERIFY_POST_HANDSHAKE, SSL_get_verify_callback(ssl));
    } else {
      SSL_set_post_handshake_auth(ssl, 1);
    }
  }
  if (has_host && !configure_hostname(s, host)) return {};
  if (server_side) {
    SSL_set_accept_state(ssl);
  } else {
    SSL_set_connect_state(ssl);
  }
  if (session && !is_none(session) && !set_session(s, session)) return {};
  return s;
}

Value ctx_wrap_bio(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"incoming", "outgoing", "server_side", "server_hostname", "owner",
                                       "session", nullptr};
  Value incoming, outgoing, server_side_v, hostname, owner, session;
  ArgSpec spec{"_wrap_bio", kNames, 3, 0, 4};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&incoming, &outgoing, &server_side_v, &hostname, &owner, &session}))
    return {};
  if (!isinstance(incoming, g_bio))
    return raisef(exc::TypeError, "_wrap_bio() argument 'incoming' must be _ssl.MemoryBIO, not %s",
                  type_name(incoming).c_str());
  if (!isinstance(outgoing, g_bio))
    return raisef(exc::TypeError, "_wrap_bio() argument 'outgoing' must be _ssl.MemoryBIO, not %s",
                  type_name(outgoing).c_str());
  int server_side;
  if (!arg_int(server_side_v, &server_side)) return {};
  return new_ssl_object(as_ctx(self), Value(), -1, incoming, outgoing, server_side != 0, hostname, owner, session);
}

Value ctx_wrap_socket(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"sock", "server_side", "server_hostname", "owner", "session", nullptr};
  Value sock, server_side_v, hostname, owner, session;
  ArgSpec spec{"_wrap_socket", kNames, 2, 0, 3};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&sock, &server_side_v, &hostname, &owner, &session})) return {};
  Value fileno = call_method(sock, intern("fileno"), nullptr, 0);
  if (!fileno) return {};
  int fd;
  if (!arg_int(fileno, &fd)) return {};
  int server_side;
  if (!arg_int(server_side_v, &server_side)) return {};
  return new_ssl_object(as_ctx(self), sock, fd, Value(), Value(), server_side != 0, hostname, owner, session);
}

// The socket's timeout in seconds: -1 blocking (None), 0 non-blocking.
bool socket_timeout(SslObject* s, double* out) {
  *out = 0;
  if (!s->sock) return true;
  Value t = call_method(s->sock, intern("gettimeout"), nullptr, 0);
  if (!t) return false;
  if (is_none(t)) {
    *out = -1;
    return true;
  }
  return float_as_double(t, out);
}

enum SockState { kSockOK, kSockTimedOut, kSockNonBlocking, kSockClosed, kSockError };

// CPython's PySSL_select: waits until the fd is readable or writable.
SockState wait_socket(SslObject* s, bool writing, double timeout) {
  if (!s->sock || timeout == 0) return kSockNonBlocking;
  if (timeout < 0) return kSockOK;  // blocking: OpenSSL waits itself
  Value fileno = call_method(s->sock, intern("fileno"), nullptr, 0);
  if (!fileno) return kSockError;
  int fd;
  if (!arg_int(fileno, &fd)) return kSockError;
  if (fd < 0) return kSockClosed;
  pollfd p{fd, short(writing ? POLLOUT : POLLIN), 0};
  int ms = int(timeout * 1000 + 0.5);
  int r;
  do {
    r = poll(&p, 1, ms);
  } while (r < 0 && errno == EINTR);
  return r == 0 ? kSockTimedOut : kSockOK;
}

// Runs an SSL_* step until it completes or needs the peer, as CPython's
// loops: fn() returns the SSL_* result; ok(result) whether it succeeded.
template <class Fn, class Ok>
bool run_step(SslObject* s, const char* timeout_msg, Fn fn, Ok ok, int* ret_out, int* err_out, int* errno_out) {
  double timeout;
  if (!socket_timeout(s, &timeout)) return false;
  if (s->sock) {
    Value fileno = call_method(s->sock, intern("fileno"), nullptr, 0);
    if (!fileno) return false;
    int fd;
    if (!arg_int(fileno, &fd)) return false;
    if (fd < 0) {
      raise(g_ssl_error, "Underlying socket connection gone");
      return false;
    }
    // The fd is non-blocking whenever Python has a timeout: OpenSSL
    // returns WANT_* and the loop waits.
    BIO* rb = SSL_get_rbio(s->ssl);
    BIO* wb = SSL_get_wbio(s->ssl);
    int nb = timeout >= 0 ? 1 : 0;
    BIO_set_nbio(rb, nb);
    BIO_set_nbio(wb, nb);
  }
  for (;;) {
    errno = 0;
    int ret = fn();
    int saved_errno = errno;
    int err = ok(ret) ? SSL_ERROR_NONE : SSL_get_error(s->ssl, ret);
    *ret_out = ret;
    *err_out = err;
    *errno_out = saved_errno;
    if (err == SSL_ERROR_NONE) return true;
    SockState st;
    if (err == SSL_ERROR_WANT_READ) {
      st = wait_socket(s, false, timeout);
    } else if (err == SSL_ERROR_WANT_WRITE) {
      st = wait_socket(s, true, timeout);
    } else {
      return true;
    }
    if (st == kSockError) return false;
    if (st == kSockTimedOut) {
      raise(exc::TimeoutError, timeout_msg);
      return false;
    }
    if (st == kSockClosed) {
      raise(g_ssl_error, "Underlying socket has been closed.");
      return false;
    }
    if (st == kSockNonBlocking) return true;
    // kSockOK: try again.
  }
}

Value ssl_do_handshake(Value self, const Value*, size_t, Tuple*) {
  SslObject* s = as_ssl(self);
  int ret, err, saved;
  if (!run_step(s, "_ssl.c:990: The handshake operation timed out", [&] { return SSL_do_handshake(s->ssl); },
                [](int r) { return r == 1; }, &ret, &err, &saved))
    return {};
  if (ret < 1) return ssl_set_error(s, ret, err, saved, __LINE__);
  s->handshake_done = true;
  if (!chain_callback_error(s)) return {};
  return none();
}

Value ssl_read(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs < 1 || nargs > 2) {
    return raisef(exc::TypeError, "read expected %s %d argument%s, got %zu", nargs < 1 ? "at least" : "at most",
                  nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
  }
  int64_t len;
  if (!arg_ssize(args[0], &len)) return {};
  SslObject* s = as_ssl(self);
  BufferView dest;
  bool into = nargs == 2;
  if (into) {
    if (!get_buffer(args[1], &dest) || dest.readonly) {
      return raisef(exc::TypeError, "read() argument 2 must be read-write bytes-like object, not %s",
                    type_name(args[1]).c_str());
    }
    if (len <= 0 || len > dest.length) len = dest.length;
  } else if (len < 0) {
    return raise(exc::ValueError, "size should not be negative");
  }
  if (len == 0) return into ? Value::small(0) : Value(bytes_empty());
  if (len > INT_MAX) len = INT_MAX;
  std::string buf;
  char* target;
  if (into) {
    target = reinterpret_cast<char*>(const_cast<uint8_t*>(dest.data));
  } else {
    buf.resize(size_t(len));
    target = buf.data();
  }
  size_t count = 0;
  int ret, err, saved;
  if (!run_step(s, "The read operation timed out",
                [&] { return SSL_read_ex(s->ssl, target, size_t(len), &count); },
                [](int r) { return r > 0; }, &ret, &err, &saved))
    return {};
  if (ret <= 0) {
    if (err == SSL_ERROR_ZERO_RETURN && SSL_get_shutdown(s->ssl) == SSL_RECEIVED_SHUTDOWN) {
      count = 0;
    } else {
      return ssl_set_error(s, ret, err, saved, __LINE__);
    }
  }
  if (!chain_callback_error(s)) return {};
  if (into) return int_from_i64(int64_t(count));
  return bytes_from(buf.data(), count);
}

Value ssl_write(Value self, const Value* args, size_t, Tuple*) {
  BufferView view;
  if (!buffer_arg(args[0], &view)) return {};
  SslObject* s = as_ssl(self);
  size_t count = 0;
  int ret, err, saved;
  if (!run_step(s, "The write operation timed out",
                [&] { return SSL_write_ex(s->ssl, view.data, size_t(view.length), &count); },
                [](int r) { return r > 0; }, &ret, &err, &saved))
    return {};
  if (ret <= 0) return ssl_set_error(s, ret, err, saved, __LINE__);
  if (!chain_callback_error(s)) return {};
  return int_from_i64(int64_t(count));
}

Value ssl_pending(Value self, const Value*, size_t, Tuple*) {
  SslObject* s = as_ssl(self);
  int n = SSL_pending(s->ssl);
  if (n < 0) return ssl_set_error(s, n, SSL_get_error(s->ssl, n), 0, __LINE__);
  return int_from_i64(n);
}

Value ssl_shutdown(Value self, const Value*, size_t, Tuple*) {
  SslObject* s = as_ssl(self);
  double timeout;
  if (!socket_timeout(s, &timeout)) return {};
  if (s->sock) {
    Value fileno = call_method(s->sock, intern("fileno"), nullptr, 0);
    if (!fileno) return {};
    int fd;
    if (!arg_int(fileno, &fd)) return {};
    if (fd < 0) return raise(g_ssl_error, "Underlying socket connection gone");
    int nb = timeout >= 0 ? 1 : 0;
    BIO_set_nbio(SSL_get_rbio(s->ssl), nb);
    BIO_set_nbio(SSL_get_wbio(s->ssl), nb);
  }
  int zeros = 0;
  int ret = 0, err = SSL_ERROR_NONE, saved = 0;
  for (;;) {
    // A second SSL_shutdown after a first that returned 0 must not read
    // application data ahead.
    if (s->shutdown_seen_zero) SSL_set_read_ahead(s->ssl, 0);
    errno = 0;
    ret = SSL_shutdown(s->ssl);
    saved = errno;
    err = ret < 0 ? SSL_get_error(s->ssl, ret) : SSL_ERROR_NONE;
    if (ret > 0) break;
    if (ret == 0) {
      if (++zeros > 1) break;
      s->shutdown_seen_zero = true;
      continue;
    }
    SockState st;
    if (err == SSL_ERROR_WANT_READ) {
      st = wait_socket(s, false, timeout);
    } else if (err == SSL_ERROR_WANT_WRITE) {
      st = wait_socket(s, true, timeout);
    } else {
      break;
    }
    if (st == kSockError) return {};
    if (st == kSockTimedOut) {
      return raise(exc::TimeoutError, err == SSL_ERROR_WANT_READ ? "The read operation timed out"
                                                                 : "The write operation timed out");
    }
    if (st == kSockClosed) return raise(g_ssl_error, "Underlying socket has been closed.");
    if (st == kSockNonBlocking) break;
  }
  if (ret < 0) return ssl_set_error(s, ret, err, saved, __LINE__);
  if (!chain_callback_error(s)) return {};
  if (s->sock) return s->sock;
  return none();
}

Value ssl_getpeercert(Value self, const Value* args, size_t nargs, Tuple*) {
  if (nargs > 1) return raisef(exc::TypeError, "getpeercert expected at most 1 argument, got %zu", nargs);
  int binary = 0;
  if (nargs == 1 && (binary = truth(args[0])) < 0) return {};
  SslObject* s = as_ssl(self);
  if (!SSL_is_init_finished(s->ssl)) return raise(exc::ValueError, "handshake not done yet");
  X509* peer = SSL_get1_peer_certificate(s->ssl);
  if (!peer) return none();
  Value r;
  if (binary) {
    r = cert_der(peer);
  } else if ((SSL_CTX_get_verify_mode(SSL_get_SSL_CTX(s->ssl)) & SSL_VERIFY_PEER) == 0) {
    r = dict_new();
  } else {
    r = decode_certificate(peer);
  }
  X509_free(peer);
  return r;
}

Value cipher_tuple(const SSL_CIPHER* c) {
  const char* name = SSL_CIPHER_get_name(c);
  const char* version = SSL_CIPHER_get_version(c);
  return tuple_of({name ? Value(str_from_utf8(name)) : none(), version ? Value(str_from_utf8(version)) : none(),
                   Value::small(SSL_CIPHER_get_bits(c, nullptr))});
}

Value ssl_cipher(Value self, const Value*, size_t, Tuple*) {
  const SSL_CIPHER* c = SSL_get_current_cipher(as_ssl(self)->ssl);
  if (!c) return none();
  return cipher_tuple(c);
}

Value ssl_shared_ciphers(Value self, const Value*, size_t, Tuple*) {
  SSL* ssl = as_ssl(self)->ssl;
  STACK_OF(SSL_CIPHER)* server = SSL_get_ciphers(ssl);
  if (!server) return none();
  STACK_OF(SSL_CIPHER)* client = SSL_get_client_ciphers(ssl);
  if (!client) return none();
  List* out = list_new();
  for (int i = 0; i < sk_SSL_CIPHER_num(server); i++) {
    const SSL_CIPHER* c = sk_SSL_CIPHER_value(server, i);
    if (sk_SSL_CIPHER_find(client, c) < 0) continue;
    list_append(out, cipher_tuple(c));
  }
  return out;
}

Value ssl_version(Value self, const Value*, size_t, Tuple*) {
  SSL* ssl = as_ssl(self)->ssl;
  if (!SSL_is_init_finished(ssl)) return none();
  const char* v = SSL_get_version(ssl);
  if (!v || std::strcmp(v, "unknown") == 0) return none();
  return str_from_utf8(v);
}

Value ssl_compression(Value self, const Value*, size_t, Tuple*) {
  const COMP_METHOD* comp = SSL_get_current_compression(as_ssl(self)->ssl);
  if (!comp || COMP_get_type(comp) == NID_undef) return none();
  const char* name = OBJ_nid2sn(COMP_get_type(comp));
  if (!name) return none();
  return str_from_utf8(name);
}

Value ssl_selected_alpn_protocol(Value self, const Value*, size_t, Tuple*) {
  const unsigned char* out = nullptr;
  unsigned int len = 0;
  SSL_get0_alpn_selected(as_ssl(self)->ssl, &out, &len);
  if (!out) return none();
  return str_from_utf8(std::string_view(reinterpret_cast<const char*>(out), len));
}

Value ssl_get_channel_binding(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"cb_type", nullptr};
  Value type_v;
  ArgSpec spec{"get_channel_binding", kNames, 0, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&type_v})) return {};
  std::string type = "tls-unique";
  if (type_v) {
    if (!is_str(type_v))
      return raisef(exc::TypeError, "get_channel_binding() argument 'cb_type' must be str, not %s",
                    type_name(type_v).c_str());
    type = str_to_utf8(type_v.as<Str>());
  }
  if (type != "tls-unique") return raisef(exc::ValueError, "'%s' channel binding type not implemented", type.c_str());
  SslObject* s = as_ssl(self);
  char buf[128];
  size_t len;
  if (bool(SSL_session_reused(s->ssl)) ^ !s->server_side) {
    len = SSL_get_finished(s->ssl, buf, sizeof buf);
  } else {
    len = SSL_get_peer_finished(s->ssl, buf, sizeof buf);
  }
  if (len == 0) return none();
  return bytes_from(buf, len);
}

Value ssl_verify_client_post_handshake(Value self, const Value*, size_t, Tuple*) {
  if (!SSL_verify_client_post_handshake(as_ssl(self)->ssl)) return set_ssl_error_from_queue(nullptr, __LINE__);
  return none();
}

Value chain_list(STACK_OF(X509)* chain) {
  if (!chain) return none();
  List* out = list_new();
  for (int i = 0; i < sk_X509_num(chain); i++) {
    Value d = cert_der(sk_X509_value(chain, i));
    if (!d) return {};
    list_append(out, d);
  }
  return out;
}

Value ssl_get_context(Value self) { return as_ssl(self)->context; }
bool ssl_set_context(Value self, Value v) {
  if (!v || !isinstance(v, g_context)) {
    raise(exc::TypeError, "The value must be a SSLContext");
    return false;
  }
  SslObject* s = as_ssl(self);
  set_field(s, &s->context, v);
  SSL_set_SSL_CTX(s->ssl, as_ctx(v)->ctx);
  // The new context's SNI callback applies from now on.
  return true;
}

Value ssl_get_server_side(Value self) { return py_bool(as_ssl(self)->server_side); }
Value ssl_get_server_hostname(Value self) { return or_none(as_ssl(self)->server_hostname); }
Value ssl_get_owner(Value self) { return or_none(as_ssl(self)->owner); }
bool ssl_set_owner(Value self, Value v) {
  SslObject* s = as_ssl(self);
  set_field(s, &s->owner, (v && !is_none(v)) ? v : Value());
  return true;
}

Value ssl_get_session(Value self) {
  SslObject* s = as_ssl(self);
  SSL_SESSION* session = SSL_get1_session(s->ssl);
  if (!session) return none();
  auto* o = static_cast<SessionObject*>(alloc_instance(g_session));
  if (!o) {
    SSL_SESSION_free(session);
    return {};
  }
  o->session = session;
  o->context = s->context;
  gc::Heap::current()->register_finalizer(o);
  return o;
}

bool set_session(SslObject* s, Value v) {
  if (!isinstance(v, g_session)) {
    raise(exc::TypeError, "Value is not a SSLSession.");
    return false;
  }
  SessionObject* so = as_session(v);
  if (as_ctx(so->context)->ctx != as_ctx(s->context)->ctx) {
    raise(exc::ValueError, "Session refers to a different SSLContext.");
    return false;
  }
  if (s->server_side) {
    raise(exc::ValueError, "Cannot set session for server-side SSLSocket.");
    return false;
  }
  if (SSL_is_init_finished(s->ssl)) {
    raise(exc::ValueError, "Cannot set session after handshake.");
    return false;
  }
  if (!SSL_set_session(s->ssl, so->session)) {
    set_ssl_error_from_queue(nullptr, __LINE__);
    return false;
  }
  return true;
}

bool ssl_set_session(Value self, Value v) {
  if (!v) {
    raise(exc::TypeError, "Value is not a SSLSession.");
    return false;
  }
  return set_session(as_ssl(self), v);
}

Value ssl_get_session_reused(Value self) { return py_bool(SSL_session_reused(as_ssl(self)->ssl)); }

Value ssl_get_verified_chain(Value self, const Value*, size_t, Tuple*) {
  return chain_list(SSL_get0_verified_chain(as_ssl(self)->ssl));
}
Value ssl_get_unverified_chain(Value self, const Value*, size_t, Tuple*) {
  return chain_list(SSL_get_peer_cert_chain(as_ssl(self)->ssl));
}

// ---- SSLSession ---------------------------------------------------------------------------------

Value session_id(Value self) {
  unsigned int len = 0;
  const unsigned char* id = SSL_SESSION_get_id(as_session(self)->session, &len);
  return bytes_from(id, len);
}
Value session_time(Value self) { return int_from_i64(SSL_SESSION_get_time(as_session(self)->session)); }
Value session_timeout(Value self) { return int_from_i64(SSL_SESSION_get_timeout(as_session(self)->session)); }
Value session_ticket_lifetime_hint(Value self) {
  return int_from_u64(SSL_SESSION_get_ticket_lifetime_hint(as_session(self)->session));
}
Value session_has_ticket(Value self) { return py_bool(SSL_SESSION_has_ticket(as_session(self)->session)); }

Value session_richcompare(Value a, Value b, CompareOp op) {
  if (!isinstance(a, g_session) || !isinstance(b, g_session)) return not_implemented();
  if (op != CompareOp::kEq && op != CompareOp::kNe) return not_implemented();
  bool eq;
  if (a.is(b)) {
    eq = true;
  } else {
    unsigned int la = 0, lb = 0;
    const unsigned char* ia = SSL_SESSION_get_id(as_session(a)->session, &la);
    const unsigned char* ib = SSL_SESSION_get_id(as_session(b)->session, &lb);
    eq = la == lb && std::memcmp(ia, ib, la) == 0;
  }
  return py_bool(op == CompareOp::kEq ? eq : !eq);
}

// ---- module functions ---------------------------------------------------------------------------

Value obj_tuple(const ASN1_OBJECT* obj) {
  int nid = OBJ_obj2nid(obj);
  if (nid == NID_undef) return raise(exc::ValueError, "Unknown object");
  char buf[100];
  int len = OBJ_obj2txt(buf, sizeof buf, obj, 1);
  if (len < 0) return set_ssl_error_from_queue(nullptr, __LINE__);
  const char* sn = OBJ_nid2sn(nid);
  const char* ln = OBJ_nid2ln(nid);
  return tuple_of({Value::small(nid), sn ? Value(str_from_utf8(sn)) : none(), ln ? Value(str_from_utf8(ln)) : none(),
                   str_from_utf8(std::string_view(buf, size_t(len < int(sizeof buf) ? len : sizeof buf - 1)))});
}

Value ssl_txt2obj(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"txt", "name", nullptr};
  Value txt_v, name_v;
  ArgSpec spec{"txt2obj", kNames, 1, 0};
  spec.clinic = true;
  if (!parse_args(spec, args, nargs, kwnames, {&txt_v, &name_v})) return {};
  if (!is_str(txt_v))
    return raisef(exc::TypeError, "txt2obj() argument 'txt' must be str, not %s", type_name(txt_v).c_str());
  int name = 0;
  if (name_v && (name = truth(name_v)) < 0) return {};
  std::string txt = str_to_utf8(txt_v.as<Str>());
  ASN1_OBJECT* obj = OBJ_txt2obj(txt.c_str(), name ? 0 : 1);
  if (!obj) {
    ERR_clear_error();
    return raisef(exc::ValueError, "unknown object '%.100s'", txt.c_str());
  }
  Value r = obj_tuple(obj);
  ASN1_OBJECT_free(obj);
  return r;
}

Value ssl_nid2obj(Value, const Value* args, size_t, Tuple*) {
  int nid;
  if (!arg_int(args[0], &nid)) return {};
  if (nid < NID_undef) return raise(exc::ValueError, "NID must be positive.");
  ASN1_OBJECT* obj = OBJ_nid2obj(nid);
  if (!obj) {
    ERR_clear_error();
    return raisef(exc::ValueError, "unknown NID %i", nid);
  }
  Value r = obj_tuple(obj);
  ASN1_OBJECT_free(obj);
  return r;
}

Value rand_bytes(Value arg, bool pseudo) {
  int n;
  if (!arg_int(arg, &n)) return {};
  if (n < 0) return raise(exc::ValueError, "num must be positive");
  std::string buf(size_t(n), '\0');
  int ok = RAND_bytes(reinterpret_cast<unsigned char*>(buf.data()), n);
  if (ok != 1) {
    unsigned long e = ERR_get_error();
    const char* text = ERR_reason_error_string(e);
    Value args[2] = {int_from_u64(e), str_from_utf8(text ? text : "unknown error")};
    Value exc_v = exception_construct(g_ssl_error, args, 2, nullptr);
    if (exc_v) set_error(exc_v.object());
    return {};
  }
  Value b = bytes_from(buf.data(), buf.size());
  if (pseudo) return tuple_of({b, py_bool(true)});
  return b;
}

Value ssl_rand_bytes(Value, const Value* args, size_t, Tuple*) { return rand_bytes(args[0], false); }
Value ssl_rand_pseudo_bytes(Value, const Value* args, size_t, Tuple*) {
  if (!issue_warning(exc::DeprecationWarning, "ssl.RAND_pseudo_bytes() is deprecated", 1)) return {};
  return rand_bytes(args[0], true);
}
Value ssl_rand_status(Value, const Value*, size_t, Tuple*) { return py_bool(RAND_status() == 1); }

Value ssl_rand_add(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 2) return raisef(exc::TypeError, "RAND_add expected 2 arguments, got %zu", nargs);
  std::string data;
  if (is_str(args[0])) {
    data = str_to_utf8(args[0].as<Str>());
  } else {
    BufferView view;
    if (!get_buffer(args[0], &view))
      return raisef(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(args[0]).c_str());
    data.assign(reinterpret_cast<const char*>(view.data), size_t(view.length));
  }
  double entropy;
  if (!float_as_double(args[1], &entropy)) return {};
  RAND_add(data.data(), int(data.size()), entropy);
  return none();
}

Value ssl_get_default_verify_paths(Value, const Value*, size_t, Tuple*) {
  auto s = [](const char* p) -> Value { return p ? Value(str_from_utf8(p)) : none(); };
  return tuple_of({s(X509_get_default_cert_file_env()), s(X509_get_default_cert_file()),
                   s(X509_get_default_cert_dir_env()), s(X509_get_default_cert_dir())});
}

// ---- the error classes --------------------------------------------------------------------------

// SSLError.__str__: the message when there is one (strerror), else the
// args, as CPython's.
Value ssl_error_str(Value self, const Value*, size_t, Tuple*) {
  Value strerror = get_attr(self, intern("strerror"));
  if (!strerror) return {};
  if (is_str(strerror)) return strerror;
  Tuple* args = exception_args(self);
  return str_of(args ? Value(args) : Value(tuple_empty()));
}

const MethodDef kErrorStr = {"__str__", ssl_error_str, MethodFlag::kNoArgs, "Return str(self)."};

Type* make_error(const char* name, std::initializer_list<Value> bases, const char* doc) {
  Dict* d = dict_new();
  dict_set_str(d, intern("__module__"), intern("ssl"));
  dict_set_str(d, intern("__doc__"), str_from_utf8(doc));
  Value t = type_new(types::type, intern(name), tuple_of(bases), d, nullptr, nullptr);
  if (!t) {
    std::fprintf(stderr, "pyrite: cannot make ssl.%s\n", name);
    std::abort();
  }
  return t.as<Type>();
}

// ---- tables -------------------------------------------------------------------------------------

constexpr uint32_t kKw = MethodFlag::kVarArgs | MethodFlag::kKeywords;

const MethodDef kBioMethods[] = {
    {"read", bio_read, kKw,
     "Read up to size bytes from the memory BIO.\n\nIf size is not specified, read the entire buffer.\n"
     "If the return value is an empty bytes instance, this means either\nEOF or that no data is available. "
     "Use the \"eof\" property to\ndistinguish between the two."},
    {"write", bio_write, kKw,
     "Writes the bytes b into the memory BIO.\n\nReturns the number of bytes written."},
    {"write_eof", bio_write_eof, MethodFlag::kNoArgs,
     "Write an EOF marker to the memory BIO.\n\nWhen all data has been read, the \"eof\" property will be True."},
    {nullptr, nullptr, 0},
};

const GetSetDef kBioGetSets[] = {
    {"pending", bio_pending, nullptr, "The number of bytes pending in the memory BIO."},
    {"eof", bio_eof, nullptr, "Whether the memory BIO is at EOF."},
    {nullptr, nullptr},
};

const MethodDef kContextMethods[] = {
    {"_wrap_socket", ctx_wrap_socket, kKw, nullptr},
    {"_wrap_bio", ctx_wrap_bio, kKw, nullptr},
    {"set_ciphers", ctx_set_ciphers, MethodFlag::kOneArg, nullptr},
    {"_set_alpn_protocols", ctx_set_alpn_protocols, MethodFlag::kOneArg, nullptr},
    {"load_cert_chain", ctx_load_cert_chain, kKw, nullptr},
    {"load_dh_params", ctx_load_dh_params, MethodFlag::kOneArg, nullptr},
    {"load_verify_locations", ctx_load_verify_locations, kKw, nullptr},
    {"session_stats", ctx_session_stats, MethodFlag::kNoArgs, nullptr},
    {"set_default_verify_paths", ctx_set_default_verify_paths, MethodFlag::kNoArgs, nullptr},
    {"set_ecdh_curve", ctx_set_ecdh_curve, MethodFlag::kOneArg, nullptr},
    {"cert_store_stats", ctx_cert_store_stats, MethodFlag::kNoArgs,
     "Returns quantities of loaded X.509 certificates.\n\nX.509 certificates with a CA extension and "
     "certificate revocation lists\ninside the context's cert store.\n\nNOTE: Certificates in a capath "
     "directory aren't loaded unless they have\nbeen used at least once."},
    {"get_ca_certs", ctx_get_ca_certs, kKw,
     "Returns a list of dicts with information of loaded CA certs.\n\nIf the optional argument is True, "
     "returns a DER-encoded copy of the CA\ncertificate.\n\nNOTE: Certificates in a capath directory aren't "
     "loaded unless they have\nbeen used at least once."},
    {"get_ciphers", ctx_get_ciphers, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kContextGetSets[] = {
    {"check_hostname", ctx_get_check_hostname, ctx_set_check_hostname, nullptr},
    {"_host_flags", ctx_get_host_flags, ctx_set_host_flags, nullptr},
    {"minimum_version", ctx_get_minimum_version, ctx_set_minimum_version, nullptr},
    {"maximum_version", ctx_get_maximum_version, ctx_set_maximum_version, nullptr},
    {"sni_callback", ctx_get_sni_callback, ctx_set_sni_callback,
     "Set a callback that will be called when a server name is provided by the SSL/TLS client in the SNI "
     "extension.\n\nIf the argument is None then the callback is disabled. The method is called\nwith the "
     "SSLSocket, the server name as a string, and the SSLContext object.\nSee RFC 6066 for details of the SNI "
     "extension."},
    {"num_tickets", ctx_get_num_tickets, ctx_set_num_tickets, "Control the number of TLSv1.3 session tickets"},
    {"options", ctx_get_options, ctx_set_options, nullptr},
    {"post_handshake_auth", ctx_get_post_handshake_auth, ctx_set_post_handshake_auth, nullptr},
    {"protocol", ctx_get_protocol, nullptr, nullptr},
    {"verify_flags", ctx_get_verify_flags, ctx_set_verify_flags, nullptr},
    {"verify_mode", ctx_get_verify_mode, ctx_set_verify_mode, nullptr},
    {"security_level", ctx_get_security_level, nullptr, "The current security level"},
    {"_msg_callback", ctx_get_msg_callback, ctx_set_msg_callback, nullptr},
    {nullptr, nullptr},
};

const MethodDef kSslMethods[] = {
    {"do_handshake", ssl_do_handshake, MethodFlag::kNoArgs, nullptr},
    {"write", ssl_write, MethodFlag::kOneArg,
     "Writes the bytes-like object b into the SSL object.\n\nReturns the number of bytes written."},
    {"read", ssl_read, MethodFlag::kVarArgs, "read(size, [buffer])\nRead up to size bytes from the SSL socket."},
    {"pending", ssl_pending, MethodFlag::kNoArgs,
     "Returns the number of already decrypted bytes available for read, pending on the connection."},
    {"getpeercert", ssl_getpeercert, MethodFlag::kVarArgs, nullptr},
    {"get_channel_binding", ssl_get_channel_binding, kKw,
     "Get channel binding data for current connection.\n\nRaise ValueError if the requested `cb_type` is not "
     "supported.  Return bytes\nof the data or None if the data is not available (e.g. before the handshake).\n"
     "Only 'tls-unique' channel binding data from RFC 5929 is supported."},
    {"cipher", ssl_cipher, MethodFlag::kNoArgs, nullptr},
    {"shared_ciphers", ssl_shared_ciphers, MethodFlag::kNoArgs, nullptr},
    {"version", ssl_version, MethodFlag::kNoArgs, nullptr},
    {"selected_alpn_protocol", ssl_selected_alpn_protocol, MethodFlag::kNoArgs, nullptr},
    {"compression", ssl_compression, MethodFlag::kNoArgs, nullptr},
    {"shutdown", ssl_shutdown, MethodFlag::kNoArgs,
     "Does the SSL shutdown handshake with the remote end."},
    {"verify_client_post_handshake", ssl_verify_client_post_handshake, MethodFlag::kNoArgs,
     "Initiate TLS 1.3 post-handshake authentication"},
    {"get_unverified_chain", ssl_get_unverified_chain, MethodFlag::kNoArgs, nullptr},
    {"get_verified_chain", ssl_get_verified_chain, MethodFlag::kNoArgs, nullptr},
    {nullptr, nullptr, 0},
};

const GetSetDef kSslGetSets[] = {
    {"context", ssl_get_context, ssl_set_context,
     "_setter_context(ctx)\n\nThis changes the context associated with the SSLSocket. This is typically\n"
     "used from within a callback function set by the sni_callback\non the SSLContext to change the certificate "
     "information associated with the\nSSLSocket before the cryptographic exchange handshake messages\n"},
    {"server_side", ssl_get_server_side, nullptr, "Whether this is a server-side socket."},
    {"server_hostname", ssl_get_server_hostname, nullptr,
     "The currently set server hostname (for SNI)."},
    {"owner", ssl_get_owner, ssl_set_owner,
     "The Python-level owner of this object.Passed as \"self\" in servername callback."},
    {"session", ssl_get_session, ssl_set_session, "The underlying SSLSession object."},
    {"session_reused", ssl_get_session_reused, nullptr, "Was the client session reused during handshake?"},
    {nullptr, nullptr},
};

const GetSetDef kSessionGetSets[] = {
    {"time", session_time, nullptr, "Session creation time (seconds since epoch)."},
    {"timeout", session_timeout, nullptr, "Session timeout (delta in seconds)."},
    {"ticket_lifetime_hint", session_ticket_lifetime_hint, nullptr, "Ticket life time hint."},
    {"id", session_id, nullptr, "Session id"},
    {"has_ticket", session_has_ticket, nullptr, "Does the session contain a ticket?"},
    {nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"_test_decode_cert", ssl_test_decode_cert, kKw, nullptr},
    {"RAND_add", ssl_rand_add, MethodFlag::kVarArgs,
     "Mix string into the OpenSSL PRNG state.\n\nentropy (a float) is a lower bound on the entropy contained "
     "in\nstring.  See RFC 4086."},
    {"RAND_bytes", ssl_rand_bytes, MethodFlag::kOneArg, "Generate n cryptographically strong pseudo-random bytes."},
    {"RAND_pseudo_bytes", ssl_rand_pseudo_bytes, MethodFlag::kOneArg,
     "Generate n pseudo-random bytes.\n\nReturn a pair (bytes, is_cryptographic).  is_cryptographic is True\nif "
     "the bytes generated are cryptographically strong."},
    {"RAND_status", ssl_rand_status, MethodFlag::kNoArgs,
     "Returns True if the OpenSSL PRNG has been seeded with enough data and False if not.\n\nIt is necessary "
     "to seed the PRNG with RAND_add() on some platforms before\nusing the ssl() function."},
    {"get_default_verify_paths", ssl_get_default_verify_paths, MethodFlag::kNoArgs,
     "Return search paths and environment vars that are used by SSLContext's set_default_verify_paths() to "
     "load default CAs.\n\nThe values are 'cert_file_env', 'cert_file', 'cert_dir_env', 'cert_dir'."},
    {"txt2obj", ssl_txt2obj, kKw,
     "Lookup NID, short name, long name and OID of an ASN1_OBJECT.\n\nBy default objects are looked up by OID. "
     "With name=True short and\nlong name are also matched."},
    {"nid2obj", ssl_nid2obj, MethodFlag::kOneArg,
     "Lookup NID, short name, long name and OID of an ASN1_OBJECT by NID."},
    {nullptr, nullptr, 0},
};

Value no_instances(Type* t, const Value*, size_t, Tuple*) {
  return raisef(exc::TypeError, "cannot create '%s' instances", ("_ssl." + type_name_of(t)).c_str());
}

Type* make_type(Type** into, const char* name, size_t size, TraceFn trace, void (*finalize)(void*),
                TypeSlots slots, const MethodDef* methods, const GetSetDef* getsets, uint32_t flags) {
  gc::LayoutInfo info;
  info.name = name;
  info.trace = trace;
  info.fixed_size = size;
  info.finalize = finalize;
  TypeSpec spec;
  spec.name = name;
  spec.module = "_ssl";
  spec.layout = gc::register_layout(info);
  spec.instance_size = uint32_t(size);
  spec.trace = trace;
  spec.flags = flags;
  spec.slots = slots;
  spec.methods = methods;
  spec.getsets = getsets;
  return make_builtin_type(into, spec);
}

void make_types() {
  Value oserror = exc::OSError;
  g_ssl_error = make_error("SSLError", {oserror}, "An error occurred in the SSL implementation.");
  gc::add_root(reinterpret_cast<void**>(&g_ssl_error));
  if (!type_setattro(Value(g_ssl_error), intern("__str__"), new_method_descriptor(&kErrorStr, g_ssl_error))) {
    std::fprintf(stderr, "pyrite: cannot set ssl.SSLError.__str__\n");
    std::abort();
  }
  Value base = g_ssl_error;
  g_cert_verification_error = make_error("SSLCertVerificationError", {base, Value(exc::ValueError)},
                                         "A certificate could not be verified.");
  gc::add_root(reinterpret_cast<void**>(&g_cert_verification_error));
  g_zero_return_error = make_error("SSLZeroReturnError", {base}, "SSL/TLS session closed cleanly.");
  gc::add_root(reinterpret_cast<void**>(&g_zero_return_error));
  g_want_write_error = make_error("SSLWantWriteError", {base},
                                  "Non-blocking SSL socket needs to write more data\nbefore the requested "
                                  "operation can be completed.");
  gc::add_root(reinterpret_cast<void**>(&g_want_write_error));
  g_want_read_error = make_error("SSLWantReadError", {base},
                                 "Non-blocking SSL socket needs to read more data\nbefore the requested "
                                 "operation can be completed.");
  gc::add_root(reinterpret_cast<void**>(&g_want_read_error));
  g_syscall_error = make_error("SSLSyscallError", {base}, "System error when attempting SSL operation.");
  gc::add_root(reinterpret_cast<void**>(&g_syscall_error));
  g_eof_error = make_error("SSLEOFError", {base}, "SSL/TLS connection terminated abruptly.");
  gc::add_root(reinterpret_cast<void**>(&g_eof_error));

  TypeSlots ctx_slots;
  ctx_slots.new_ = context_new;
  make_type(&g_context, "_SSLContext", sizeof(ContextObject), trace_ctx, finalize_ctx, ctx_slots, kContextMethods,
            kContextGetSets, TypeFlag::kBaseType);
  TypeSlots bio_slots;
  bio_slots.new_ = bio_new;
  make_type(&g_bio, "MemoryBIO", sizeof(BioObject), trace_bio, finalize_bio, bio_slots, kBioMethods, kBioGetSets,
            0);
  TypeSlots ssl_slots;
  ssl_slots.new_ = no_instances;
  make_type(&g_sslsocket, "_SSLSocket", sizeof(SslObject), trace_ssl, finalize_ssl, ssl_slots, kSslMethods,
            kSslGetSets, 0);
  TypeSlots session_slots;
  session_slots.new_ = no_instances;
  session_slots.compare = session_richcompare;
  make_type(&g_session, "SSLSession", sizeof(SessionObject), trace_session, finalize_session, session_slots,
            nullptr, kSessionGetSets, 0);
}

}  // namespace

Module* make_ssl_module() {
  if (!g_context) make_types();
  Module* m = module_new(intern("_ssl"));
  Dict* d = m->dict;
  dict_set_str(d, intern("__doc__"), str_from_utf8("Implementation module for SSL socket operations.  See the socket module\nfor documentation."));
  for (const MethodDef* def = kFunctions; def->name; def++)
    dict_set_str(d, intern(def->name), new_builtin_function(def, m, intern("_ssl")));
  dict_set_str(d, intern("SSLError"), g_ssl_error);
  dict_set_str(d, intern("SSLCertVerificationError"), g_cert_verification_error);
  dict_set_str(d, intern("SSLZeroReturnError"), g_zero_return_error);
  dict_set_str(d, intern("SSLWantWriteError"), g_want_write_error);
  dict_set_str(d, intern("SSLWantReadError"), g_want_read_error);
  dict_set_str(d, intern("SSLSyscallError"), g_syscall_error);
  dict_set_str(d, intern("SSLEOFError"), g_eof_error);
  dict_set_str(d, intern("_SSLContext"), g_context);
  dict_set_str(d, intern("_SSLSocket"), g_sslsocket);
  dict_set_str(d, intern("MemoryBIO"), g_bio);
  dict_set_str(d, intern("SSLSession"), g_session);
  struct Constant {
    const char* name;
    int64_t value;
  };
  const Constant kConstants[] = {
      {"SSL_ERROR_ZERO_RETURN", kErrZeroReturn},
      {"SSL_ERROR_WANT_READ", kErrWantRead},
      {"SSL_ERROR_WANT_WRITE", kErrWantWrite},
      {"SSL_ERROR_WANT_X509_LOOKUP", kErrWantX509Lookup},
      {"SSL_ERROR_SYSCALL", kErrSyscall},
      {"SSL_ERROR_SSL", kErrSSL},
      {"SSL_ERROR_WANT_CONNECT", kErrWantConnect},
      {"SSL_ERROR_EOF", kErrEOF},
      {"SSL_ERROR_INVALID_ERROR_CODE", kErrInvalidCode},
      {"CERT_NONE", 0},
      {"CERT_OPTIONAL", 1},
      {"CERT_REQUIRED", 2},
      {"VERIFY_DEFAULT", 0},
      {"VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK},
      {"VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL},
      {"VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT},
      {"VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS},
      {"VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST},
      {"VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN},
      {"ALERT_DESCRIPTION_CLOSE_NOTIFY", SSL_AD_CLOSE_NOTIFY},
      {"ALERT_DESCRIPTION_UNEXPECTED_MESSAGE", SSL_AD_UNEXPECTED_MESSAGE},
      {"ALERT_DESCRIPTION_BAD_RECORD_MAC", SSL_AD_BAD_RECORD_MAC},
      {"ALERT_DESCRIPTION_RECORD_OVERFLOW", SSL_AD_RECORD_OVERFLOW},
      {"ALERT_DESCRIPTION_DECOMPRESSION_FAILURE", SSL_AD_DECOMPRESSION_FAILURE},
      {"ALERT_DESCRIPTION_HANDSHAKE_FAILURE", SSL_AD_HANDSHAKE_FAILURE},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE", SSL_AD_BAD_CERTIFICATE},
      {"ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE", SSL_AD_UNSUPPORTED_CERTIFICATE},
      {"ALERT_DESCRIPTION_CERTIFICATE_REVOKED", SSL_AD_CERTIFICATE_REVOKED},
      {"ALERT_DESCRIPTION_CERTIFICATE_EXPIRED", SSL_AD_CERTIFICATE_EXPIRED},
      {"ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN", SSL_AD_CERTIFICATE_UNKNOWN},
      {"ALERT_DESCRIPTION_ILLEGAL_PARAMETER", SSL_AD_ILLEGAL_PARAMETER},
      {"ALERT_DESCRIPTION_UNKNOWN_CA", SSL_AD_UNKNOWN_CA},
      {"ALERT_DESCRIPTION_ACCESS_DENIED", SSL_AD_ACCESS_DENIED},
      {"ALERT_DESCRIPTION_DECODE_ERROR", SSL_AD_DECODE_ERROR},
      {"ALERT_DESCRIPTION_DECRYPT_ERROR", SSL_AD_DECRYPT_ERROR},
      {"ALERT_DESCRIPTION_PROTOCOL_VERSION", SSL_AD_PROTOCOL_VERSION},
      {"ALERT_DESCRIPTION_INSUFFICIENT_SECURITY", SSL_AD_INSUFFICIENT_SECURITY},
      {"ALERT_DESCRIPTION_INTERNAL_ERROR", SSL_AD_INTERNAL_ERROR},
      {"ALERT_DESCRIPTION_USER_CANCELLED", SSL_AD_USER_CANCELLED},
      {"ALERT_DESCRIPTION_NO_RENEGOTIATION", SSL_AD_NO_RENEGOTIATION},
      {"ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION", SSL_AD_UNSUPPORTED_EXTENSION},
      {"ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE", SSL_AD_CERTIFICATE_UNOBTAINABLE},
      {"ALERT_DESCRIPTION_UNRECOGNIZED_NAME", SSL_AD_UNRECOGNIZED_NAME},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE", SSL_AD_BAD_CERTIFICATE_STATUS_RESPONSE},
      {"ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE", SSL_AD_BAD_CERTIFICATE_HASH_VALUE},
      {"ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY", SSL_AD_UNKNOWN_PSK_IDENTITY},
      {"PROTOCOL_SSLv23", kProtoTLS},
      {"PROTOCOL_TLS", kProtoTLS},
      {"PROTOCOL_TLS_CLIENT", kProtoTLSClient},
      {"PROTOCOL_TLS_SERVER", kProtoTLSServer},
      {"PROTOCOL_TLSv1", kProtoTLS1},
      {"PROTOCOL_TLSv1_1", kProtoTLS1_1},
      {"PROTOCOL_TLSv1_2", kProtoTLS1_2},
      {"OP_ALL", int64_t(SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)},
      {"OP_NO_SSLv2", int64_t(SSL_OP_NO_SSLv2)},
      {"OP_NO_SSLv3", int64_t(SSL_OP_NO_SSLv3)},
      {"OP_NO_TLSv1", int64_t(SSL_OP_NO_TLSv1)},
      {"OP_NO_TLSv1_1", int64_t(SSL_OP_NO_TLSv1_1)},
      {"OP_NO_TLSv1_2", int64_t(SSL_OP_NO_TLSv1_2)},
      {"OP_NO_TLSv1_3", int64_t(SSL_OP_NO_TLSv1_3)},
      {"OP_CIPHER_SERVER_PREFERENCE", int64_t(SSL_OP_CIPHER_SERVER_PREFERENCE)},
      {"OP_SINGLE_DH_USE", int64_t(SSL_OP_SINGLE_DH_USE)},
      {"OP_NO_TICKET", int64_t(SSL_OP_NO_TICKET)},
      {"OP_SINGLE_ECDH_USE", int64_t(SSL_OP_SINGLE_ECDH_USE)},
      {"OP_NO_COMPRESSION", int64_t(SSL_OP_NO_COMPRESSION)},
      {"OP_ENABLE_MIDDLEBOX_COMPAT", int64_t(SSL_OP_ENABLE_MIDDLEBOX_COMPAT)},
      {"OP_NO_RENEGOTIATION", int64_t(SSL_OP_NO_RENEGOTIATION)},
      {"OP_IGNORE_UNEXPECTED_EOF", int64_t(SSL_OP_IGNORE_UNEXPECTED_EOF)},
      {"HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT},
      {"HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT},
      {"HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS},
      {"HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS},
      {"HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS},
      {"HOSTFLAG_SINGLE_LABEL_SUBDOMAINS", X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS},
      {"PROTO_MINIMUM_SUPPORTED", kProtoMinimumSupported},
      {"PROTO_MAXIMUM_SUPPORTED", kProtoMaximumSupported},
      {"PROTO_SSLv3", SSL3_VERSION},
      {"PROTO_TLSv1", TLS1_VERSION},
      {"PROTO_TLSv1_1", TLS1_1_VERSION},
      {"PROTO_TLSv1_2", TLS1_2_VERSION},
      {"PROTO_TLSv1_3", TLS1_3_VERSION},
      {"ENCODING_PEM", 1},
      {"ENCODING_DER", 2},
  };
  for (const Constant& c : kConstants) dict_set_str(d, intern(c.name), int_from_i64(c.value));
  struct Flag {
    const char* name;
    bool value;
  };
  const Flag kFlags[] = {
      {"HAS_SNI", true},     {"HAS_TLS_UNIQUE", true}, {"HAS_ECDH", true},   {"HAS_NPN", false},
      {"HAS_ALPN", true},    {"HAS_SSLv2", false},     {"HAS_SSLv3", false}, {"HAS_TLSv1", true},
      {"HAS_TLSv1_1", true}, {"HAS_TLSv1_2", true},    {"HAS_TLSv1_3", true},
  };
  for (const Flag& f : kFlags) dict_set_str(d, intern(f.name), py_bool(f.value));
  // The version of the library this process runs with, and of the one it
  // was built against.
  auto version_info = [](unsigned long n) {
    unsigned long status = n & 0xf;
    n >>= 4;
    unsigned long patch = n & 0xff;
    n >>= 8;
    unsigned long fix = n & 0xff;
    n >>= 8;
    unsigned long minor = n & 0xff;
    n >>= 8;
    unsigned long major = n;
    return tuple_of({int_from_u64(major), int_from_u64(minor), int_from_u64(fix), int_from_u64(patch),
                     int_from_u64(status)});
  };
  unsigned long runtime = OpenSSL_version_num();
  dict_set_str(d, intern("OPENSSL_VERSION_NUMBER"), int_from_u64(runtime));
  dict_set_str(d, intern("OPENSSL_VERSION_INFO"), version_info(runtime));
  dict_set_str(d, intern("OPENSSL_VERSION"), str_from_utf8(OpenSSL_version(OPENSSL_VERSION)));
  dict_set_str(d, intern("_OPENSSL_API_VERSION"), version_info(OPENSSL_VERSION_NUMBER));
  dict_set_str(d, intern("_DEFAULT_CIPHERS"), str_from_utf8(kDefaultCiphers));
  return m;
}

}  // namespace pyrite::python
