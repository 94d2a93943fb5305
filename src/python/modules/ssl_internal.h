// What the _ssl module's files share (ssl_module.cpp: the module, its
// objects and errors; ssl_certs.cpp: certificate decoding).
#pragma once

#include <openssl/x509.h>

#include "python/objects/value.h"

namespace pyrite::python::ssl_detail {

// CPython's _setSSLError: the last error OpenSSL queued (or `errcode`), as
// SSLError; the queue is cleared. Returns the null Value (an error is set).
Value set_ssl_error_from_queue(const char* errstr, int line, unsigned long errcode = 0);

// CPython's _decode_certificate: the dict getpeercert() returns; null with
// an error set on failure.
Value decode_certificate(X509* cert);

}  // namespace pyrite::python::ssl_detail
