# ssl.SSLContext over _ssl._SSLContext: defaults per protocol, the
# properties and their checks, loading certificates and CAs (and the
# errors), the module's functions and constants, certificate decoding.
import os, re, ssl, _ssl, warnings

def msg(e):
    return re.sub(r' \(_ssl\.c:\d+\)', '', str(e))

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print('  ->', r)
    except Exception as e:
        print('  ', type(e).__name__, msg(e), e.args[0] if type(e).__name__.startswith('SSL') and len(e.args) > 1 else '')

warnings.simplefilter('ignore', DeprecationWarning)
for proto in (ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER, ssl.PROTOCOL_TLS, ssl.PROTOCOL_TLSv1_2):
    c = ssl.SSLContext(proto)
    print(c.protocol, hex(c.options), c.verify_mode, c.check_hostname, c.verify_flags,
          c.minimum_version, c.maximum_version, c.post_handshake_auth, c.security_level,
          c.num_tickets, c.sni_callback, c.hostname_checks_common_name)
    print(' ', repr(c.protocol), repr(c.verify_mode), repr(c.verify_flags), repr(c.options)[:40])
warnings.simplefilter('error', DeprecationWarning)
for proto in (ssl.PROTOCOL_TLS, ssl.PROTOCOL_TLSv1):
    try:
        ssl.SSLContext(proto)
    except DeprecationWarning as w:
        print('DeprecationWarning', w)
warnings.simplefilter('ignore', DeprecationWarning)
show(_ssl._SSLContext, 99)
show(_ssl._SSLContext)
show(_ssl._SSLContext, 'x')

c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
show(setattr, c, 'verify_mode', ssl.CERT_NONE)
show(setattr, c, 'verify_mode', 5)
c.check_hostname = False
c.verify_mode = ssl.CERT_OPTIONAL
print(c.verify_mode, c.check_hostname)
c.verify_mode = ssl.CERT_NONE
c.check_hostname = True
print('check_hostname on:', c.verify_mode)
c.options |= ssl.OP_NO_TICKET
print(hex(c.options), ssl.OP_NO_TICKET in c.options)
c.options &= ~ssl.OP_NO_TICKET
print(hex(c.options))
show(setattr, c, 'options', -1)
show(setattr, c, 'options', 1 << 64)
c.verify_flags |= ssl.VERIFY_X509_STRICT
print(c.verify_flags)
c.minimum_version = ssl.TLSVersion.TLSv1_2
c.maximum_version = ssl.TLSVersion.TLSv1_3
print(c.minimum_version, c.maximum_version)
c.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
print(c.minimum_version)
show(setattr, c, 'minimum_version', 42)
old = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
show(setattr, old, 'minimum_version', ssl.TLSVersion.TLSv1_2)
c.hostname_checks_common_name = True
print(c.hostname_checks_common_name, c._host_flags)
c.hostname_checks_common_name = False
print(c.hostname_checks_common_name, c._host_flags)
c.post_handshake_auth = True
print(c.post_handshake_auth)
show(setattr, c, 'num_tickets', 3)
s = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
s.num_tickets = 3
print(s.num_tickets)
show(setattr, s, 'num_tickets', -1)
show(setattr, c, 'sni_callback', print)
show(setattr, s, 'sni_callback', 42)
s.sni_callback = print
print(s.sni_callback is print)
s.sni_callback = None
print(s.sni_callback)

# Certificates and keys.
show(s.load_cert_chain, 'server_cert.pem', 'server_key.pem')
show(s.load_cert_chain, 'no-such-file.pem')
show(s.load_cert_chain, 'server_cert.pem', 'self_key.pem')
show(s.load_cert_chain, 'context.py')
show(s.load_cert_chain, 'server_cert.pem', keyfile=os.path.abspath('server_key.pem').encode())
show(s.load_cert_chain, 'server_cert.pem', 'server_key.pem', password='unused')
show(s.load_cert_chain, 'server_cert.pem', 'server_key.pem', password=3)
show(s.load_cert_chain, 42)
show(s.load_cert_chain)

v = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
print(v.cert_store_stats(), v.get_ca_certs())
show(v.load_verify_locations)
show(v.load_verify_locations, 'no-such-file.pem')
show(v.load_verify_locations, 'context.py')
show(v.load_verify_locations, 42)
show(v.load_verify_locations, cafile='ca_cert.pem')
print(v.cert_store_stats())
ca = v.get_ca_certs()
print(len(ca), sorted(ca[0]), ca[0]['subject'], ca[0]['serialNumber'])
print(type(v.get_ca_certs(True)[0]).__name__)
pem = open('self_cert.pem').read()
show(v.load_verify_locations, cadata=pem)
der = ssl.PEM_cert_to_DER_cert(pem)
show(v.load_verify_locations, cadata=der)   # already there: not an error
show(v.load_verify_locations, cadata='not a certificate')
show(v.load_verify_locations, cadata=b'\x30\x03\x02\x01\x00')
show(v.load_verify_locations, cadata=42)
print(v.cert_store_stats())

# Ciphers.
show(v.set_ciphers, 'no-such-cipher')
show(v.set_ciphers, 42)
v.set_ciphers('ECDHE+AESGCM')
names = [d['name'] for d in v.get_ciphers()]
print('ECDHE-RSA-AES128-GCM-SHA256' in names, 'TLS_AES_256_GCM_SHA384' in names)
d = [d for d in v.get_ciphers() if d['name'] == 'ECDHE-RSA-AES128-GCM-SHA256'][0]
print(sorted(d.items()))
v.set_alpn_protocols(['h2', 'http/1.1'])
show(v.set_ecdh_curve, 'prime256v1')
show(v.set_ecdh_curve, 'no-such-curve')
print(sorted(v.session_stats()))

# Module functions.
print(ssl.txt2obj('1.3.6.1.5.5.7.3.1') if hasattr(ssl, 'txt2obj') else _ssl.txt2obj('1.3.6.1.5.5.7.3.1'))
print(_ssl.txt2obj('serverAuth', name=True), _ssl.nid2obj(129))
show(_ssl.txt2obj, 'serverAuth')
show(_ssl.nid2obj, -1)
show(_ssl.nid2obj, 10 ** 6)
print(ssl.Purpose.SERVER_AUTH, ssl.Purpose.SERVER_AUTH.oid)
print(len(ssl.RAND_bytes(16)), ssl.RAND_status())
show(ssl.RAND_bytes, -1)
ssl.RAND_add('seed', 1.0)
ssl.RAND_add(b'seed', 0.5)
print(ssl.get_default_verify_paths().openssl_cafile_env)
cert = _ssl._test_decode_cert('server_cert.pem')
for key in sorted(cert):
    print(' ', key, cert[key])
show(_ssl._test_decode_cert, 'no-such-file.pem')
show(_ssl._test_decode_cert, 'context.py')
print(ssl.DER_cert_to_PEM_cert(der) == pem)
# Errors.
print(ssl.SSLError.__mro__)
print(ssl.SSLCertVerificationError.__mro__)
print([c.__name__ for c in (ssl.SSLZeroReturnError, ssl.SSLWantReadError, ssl.SSLWantWriteError,
                            ssl.SSLSyscallError, ssl.SSLEOFError) if issubclass(c, ssl.SSLError)])
e = ssl.SSLError(1, 'text')
print(str(e), e.errno, e.strerror, e.args)
print(str(ssl.SSLError('only')), str(ssl.SSLError()), str(ssl.SSLError(1, 2)))
print(ssl.SSLError.__module__, ssl.SSLError.__doc__)
print(ssl.MemoryBIO.__module__, _ssl._SSLContext.__module__, _ssl._SSLSocket.__name__)
print(ssl.Options.OP_NO_TLSv1 | ssl.Options.OP_NO_TICKET, ssl.AlertDescription(48), ssl.SSLErrorNumber(2))
print(ssl.VerifyMode.CERT_REQUIRED, ssl.VerifyFlags(0x8000), ssl._SSLMethod.PROTOCOL_TLS_CLIENT)
print(ssl.HAS_SNI, ssl.HAS_ALPN, ssl.HAS_NPN, ssl.HAS_TLSv1_3, ssl.HAS_NEVER_CHECK_COMMON_NAME)
print(ssl.CHANNEL_BINDING_TYPES, ssl.OPENSSL_VERSION.split()[0])
