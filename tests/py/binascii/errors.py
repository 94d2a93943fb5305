# binascii: CPython's messages and edge cases of each converter.
import binascii as b
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
print(sorted(x for x in dir(b) if not x.startswith('__')), b.Error.__mro__, b.Incomplete.__mro__, b.Error.__module__)
t(b.a2b_base64, 5); t(b.a2b_base64, 'é'); t(b.a2b_base64, 'abc'); t(b.a2b_base64, 'a'); t(b.a2b_base64, 'ab=c'); t(b.a2b_base64, b'', strict_mode=True)
t(b.a2b_base64, '=ab', strict_mode=True); t(b.a2b_base64, 'ab==c', strict_mode=True); t(b.a2b_base64, 'a!b', strict_mode=True); t(b.a2b_base64, 'ab=c=', strict_mode=True)
t(b.a2b_base64); t(b.a2b_base64, b'', b'')
t(b.b2a_base64, 'x'); t(b.b2a_base64, b'x', False); t(b.b2a_base64, b'x', newline=False); t(b.b2a_base64)
t(b.crc32, b'abc'); t(b.crc32, b'abc', 5); t(b.crc32, b'abc', -1); t(b.crc32, b'abc', 2**70); t(b.crc32, b'abc', 'x'); t(b.crc32, 'abc'); t(b.crc32, b'abc', 1.5); t(b.crc32)
t(b.crc_hqx, b'abc', 0); t(b.crc_hqx, b'abc', -1); t(b.crc_hqx, b'abc'); t(b.crc_hqx, b'abc', 2**40+5)
t(b.a2b_hex, 'abc'); t(b.a2b_hex, 'zz'); t(b.a2b_hex, 'ABcd'); t(b.unhexlify, b'0f'); t(b.a2b_hex, 5)
t(b.b2a_hex, b'\x01\x02\x03', '-'); t(b.b2a_hex, b'\x01\x02\x03', '-', 2); t(b.hexlify, b'\x01\x02\x03', sep=b':', bytes_per_sep=-2); t(b.b2a_hex, b'ab', 'xy'); t(b.b2a_hex, 'ab')
t(b.b2a_uu, b'x' * 46); t(b.b2a_uu, b''); t(b.b2a_uu, b'', backtick=True); t(b.b2a_uu, b'\x00\x00\x00', backtick=True); t(b.b2a_uu, b'hello')
t(b.a2b_uu, b''); t(b.a2b_uu, b'%:&5L;&\\\n'); t(b.a2b_uu, b'%:&5L;&\\  x'); t(b.a2b_uu, b'!\x7f'); t(b.a2b_uu, ' '); t(b.a2b_uu, '')
t(b.b2a_qp, b'a=b\tc \n'); t(b.a2b_qp, b'a=3Db=\nc'); t(b.b2a_qp, b'x'*100)
