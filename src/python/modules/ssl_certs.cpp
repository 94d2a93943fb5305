// _ssl's certificate decoding (docs/modules_net.md, "_ssl"): an X509 as the
// dict CPython's getpeercert() and _test_decode_cert return: subject and
// issuer names, validity, serial number, subjectAltName, OCSP, caIssuers
// and CRL distribution points.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "python/modules/ssl_internal.h"
#include "python/objects/bytes.h"
#include "python/objects/dict.h"
#include "python/objects/errors.h"
#include "python/objects/int.h"
#include "python/objects/list.h"
#include "python/objects/protocol.h"
#include "python/objects/str.h"
#include "python/objects/tuple.h"

namespace pyrite::python::ssl_detail {

namespace {

Value asn1_str(const ASN1_STRING* s) {
  unsigned char* buf = nullptr;
  int n = ASN1_STRING_to_UTF8(&buf, s);
  if (n < 0) return set_ssl_error_from_queue(nullptr, __LINE__);
  Value r = str_from_utf8(std::string_view(reinterpret_cast<char*>(buf), size_t(n)));
  OPENSSL_free(buf);
  return r;
}

Value obj_name(const ASN1_OBJECT* o) {
  char buf[256];
  int n = OBJ_obj2txt(buf, sizeof buf, o, 0);
  if (n < 0) return set_ssl_error_from_queue(nullptr, __LINE__);
  if (n >= int(sizeof buf)) {
    std::string big(size_t(n) + 1, '\0');
    OBJ_obj2txt(big.data(), n + 1, o, 0);
    big.resize(size_t(n));
    return str_from_utf8(big);
  }
  return str_from_utf8(std::string_view(buf, size_t(n)));
}

// An X509_NAME as CPython gives it: a tuple of relative distinguished
// names, each a tuple of (name, value) pairs.
Value decode_name(const X509_NAME* name) {
  List* rdns = list_new();
  List* rdn = list_new();
  int last_set = -1;
  int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; i++) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    int set = X509_NAME_ENTRY_set(entry);
    if (last_set != set && list_size(rdn) > 0) {
      list_append(rdns, list_as_tuple(rdn));
      rdn = list_new();
    }
    last_set = set;
    Value n = obj_name(X509_NAME_ENTRY_get_object(entry));
    if (!n) return {};
    Value v = asn1_str(X509_NAME_ENTRY_get_data(entry));
    if (!v) return {};
    list_append(rdn, tuple_of({n, v}));
  }
  if (list_size(rdn) > 0) list_append(rdns, list_as_tuple(rdn));
  return list_as_tuple(rdns);
}

Value bio_text(BIO* b) {
  char* data = nullptr;
  long n = BIO_get_mem_data(b, &data);
  return str_from_utf8(std::string_view(data, size_t(n)));
}

Value asn1_time(const ASN1_TIME* t) {
  BIO* b = BIO_new(BIO_s_mem());
  ASN1_TIME_print(b, t);
  Value r = bio_text(b);
  BIO_free(b);
  return r;
}

// subjectAltName: (('DNS', 'host'), ('IP Address', '1.2.3.4'), ...), or
// null when the certificate has none.
Value decode_alt_names(X509* cert) {
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (!names) return Value();
  List* out = list_new();
  int n = sk_GENERAL_NAME_num(names);
  bool ok = true;
  for (int i = 0; i < n && ok; i++) {
    const GENERAL_NAME* g = sk_GENERAL_NAME_value(names, i);
    Value kind, value;
    switch (g->type) {
      case GEN_DIRNAME:
        kind = str_from_utf8("DirName");
        value = decode_name(g->d.directoryName);
        if (!value) ok = false;
        break;
      case GEN_EMAIL:
      case GEN_DNS:
      case GEN_URI: {
        kind = str_from_utf8(g->type == GEN_EMAIL ? "email" : g->type == GEN_DNS ? "DNS" : "URI");
        const ASN1_STRING* s = g->d.ia5;
        value = str_from_utf8(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                                               size_t(ASN1_STRING_length(s))));
        break;
      }
      case GEN_RID: {
        kind = str_from_utf8("Registered ID");
        char buf[2048];
        int len = OBJ_obj2txt(buf, sizeof buf, g->d.rid, 0);
        if (len < 0) {
          set_ssl_error_from_queue(nullptr, __LINE__);
          ok = false;
        } else {
          value = str_from_utf8(std::string_view(buf, size_t(len < int(sizeof buf) ? len : sizeof buf - 1)));
        }
        break;
      }
      case GEN_IPADD: {
        kind = str_from_utf8("IP Address");
        const unsigned char* p = ASN1_STRING_get0_data(g->d.ip);
        int len = ASN1_STRING_length(g->d.ip);
        char buf[64];
        if (len == 4) {
          std::snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
          value = str_from_utf8(buf);
        } else if (len == 16) {
          std::snprintf(buf, sizeof buf, "%X:%X:%X:%X:%X:%X:%X:%X", p[0] << 8 | p[1], p[2] << 8 | p[3],
                        p[4] << 8 | p[5], p[6] << 8 | p[7], p[8] << 8 | p[9], p[10] << 8 | p[11],
                        p[12] << 8 | p[13], p[14] << 8 | p[15]);
          value = str_from_utf8(buf);
        } else {
          value = str_from_utf8("<invalid>");
        }
        break;
      }
      default:
        // othername, X400Name, EdiPartyName: OpenSSL's own spelling of
        // the kind, the value unsupported (as CPython).
        switch (g->type) {
          case GEN_OTHERNAME: kind = str_from_utf8("othername"); break;
          case GEN_X400: kind = str_from_utf8("X400Name"); break;
          case GEN_EDIPARTY: kind = str_from_utf8("EdiPartyName"); break;
          default: kind = str_from_utf8("unknown"); break;
        }
        value = str_from_utf8("<unsupported>");
        break;
    }
    if (ok) list_append(out, tuple_of({kind, value}));
  }
  GENERAL_NAMES_free(names);
  if (!ok) return {};
  return list_as_tuple(out);
}

// The URIs of the authority information access entries of one method
// (OCSP or caIssuers); null when none.
Value decode_aia(X509* cert, int nid) {
  auto* info = static_cast<AUTHORITY_INFO_ACCESS*>(X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  if (!info) return Value();
  List* out = list_new();
  for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(info); i++) {
    ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(info, i);
    if (OBJ_obj2nid(ad->method) != nid || ad->location->type != GEN_URI) continue;
    const ASN1_STRING* s = ad->location->d.uniformResourceIdentifier;
    list_append(out, str_from_utf8(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                                                    size_t(ASN1_STRING_length(s)))));
  }
  AUTHORITY_INFO_ACCESS_free(info);
  if (list_size(out) == 0) return Value();
  return list_as_tuple(out);
}

Value decode_crl_points(X509* cert) {
  auto* dps = static_cast<STACK_OF(DIST_POINT)*>(X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr));
  if (!dps) return Value();
  List* out = list_new();
  for (int i = 0; i < sk_DIST_POINT_num(dps); i++) {
    DIST_POINT* dp = sk_DIST_POINT_value(dps, i);
    if (!dp->distpoint || dp->distpoint->type != 0) continue;
    GENERAL_NAMES* gns = dp->distpoint->name.fullname;
    for (int j = 0; j < sk_GENERAL_NAME_num(gns); j++) {
      GENERAL_NAME* g = sk_GENERAL_NAME_value(gns, j);
      if (g->type != GEN_URI) continue;
      const ASN1_STRING* s = g->d.uniformResourceIdentifier;
      list_append(out, str_from_utf8(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                                                      size_t(ASN1_STRING_length(s)))));
    }
  }
  CRL_DIST_POINTS_free(dps);
  if (list_size(out) == 0) return Value();
  return list_as_tuple(out);
}

}  // namespace

// CPython's _decode_certificate: the dict getpeercert() returns.
Value decode_certificate(X509* cert) {
  Dict* d = dict_new();
  Value v = decode_name(X509_get_subject_name(cert));
  if (!v || !dict_set_str(d, intern("subject"), v)) return {};
  v = decode_name(X509_get_issuer_name(cert));
  if (!v || !dict_set_str(d, intern("issuer"), v)) return {};
  dict_set_str(d, intern("version"), int_from_i64(X509_get_version(cert) + 1));
  BIO* b = BIO_new(BIO_s_mem());
  i2a_ASN1_INTEGER(b, X509_get0_serialNumber(cert));
  v = bio_text(b);
  BIO_free(b);
  dict_set_str(d, intern("serialNumber"), v);
  dict_set_str(d, intern("notBefore"), asn1_time(X509_get0_notBefore(cert)));
  dict_set_str(d, intern("notAfter"), asn1_time(X509_get0_notAfter(cert)));
  ERR_clear_error();
  v = decode_alt_names(cert);
  if (has_error()) return {};
  if (v) dict_set_str(d, intern("subjectAltName"), v);
  if ((v = decode_aia(cert, NID_ad_OCSP))) dict_set_str(d, intern("OCSP"), v);
  if ((v = decode_aia(cert, NID_ad_ca_issuers))) dict_set_str(d, intern("caIssuers"), v);
  if ((v = decode_crl_points(cert))) dict_set_str(d, intern("crlDistributionPoints"), v);
  ERR_clear_error();
  return d;
}

}  // namespace pyrite::python::ssl_detail
