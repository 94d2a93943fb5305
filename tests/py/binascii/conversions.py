# binascii round trips and exact outputs over generated data.
import binascii

def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2**31
        yield seed >> 8
g = lcg(3)
blobs = [bytes(next(g) % 256 for _ in range(n)) for n in [0, 1, 2, 3, 4, 5, 44, 45, 46, 57, 100, 300]]
for b in blobs:
    e = binascii.b2a_base64(b)
    print(len(b), e[:40], binascii.a2b_base64(e) == b, binascii.b2a_base64(b, newline=False) == e[:-1])
    h = binascii.hexlify(b)
    print(' ', h[:30], binascii.unhexlify(h) == b, binascii.a2b_hex(h.decode().upper()) == b)
    print(' ', binascii.crc32(b), binascii.crc32(b, 12345), binascii.crc_hqx(b, 0), binascii.crc_hqx(b, 0xffff))
    if len(b) <= 45:
        u = binascii.b2a_uu(b)
        print(' ', u[:30], binascii.a2b_uu(u) == b, binascii.a2b_uu(binascii.b2a_uu(b, backtick=True)) == b)
    q = binascii.b2a_qp(b)
    print(' ', q[:50], binascii.a2b_qp(q) == b)
    for kw in [dict(quotetabs=True), dict(istext=False), dict(header=True), dict(quotetabs=True, istext=False, header=True)]:
        q = binascii.b2a_qp(b, **kw)
        print('   ', q[:40], binascii.a2b_qp(q, header=kw.get('header', False)) == b)
# crc32 chaining equals one pass.
data = b''.join(blobs)
c = 0
for b in blobs:
    c = binascii.crc32(b, c)
print(c == binascii.crc32(data), binascii.crc32(b'The quick brown fox jumps over the lazy dog'))
# Non-strict base64 skips junk and stops at padding.
for s in [b'YW Jj\n', b'YWJj!!', b'YQ==YWJj', b'YQ=', b'YQ', b'Y', b'YWI=', b'YWI', b'=YWJj', b'YW=Jj',
          b'YWJjZA===', 'YWJj', b'', b'\n', b'YWJjZA==\n', b'Y=Q=', b'YQ===']:
    try:
        print(s, binascii.a2b_base64(s))
    except binascii.Error as e:
        print(s, 'Error', e)
    try:
        print(' strict', binascii.a2b_base64(s, strict_mode=True))
    except binascii.Error as e:
        print(' strict Error', e)
# Quoted-printable details.
for s in [b'hello world', b'trailing space ', b'tab\t', b'line \nnext\t\nend', b'crlf \r\nx\r\n',
          b'.', b'.\n', b'a.\n.b', b'=', b'\x00\x7f\x80\xff', b'_under score_', b'x' * 80,
          b'y' * 75 + b'\n' + b'z' * 76, b'\r', b'a\rb', b' ' * 80]:
    print(s[:20], binascii.b2a_qp(s), binascii.b2a_qp(s, header=True), binascii.b2a_qp(s, quotetabs=True))
for s in [b'a=3D', b'a=3d', b'=4', b'=G1', b'a=\r\nb', b'a=\nb', b'a=  \nb', b'==41', b'_x_', b'=',
          b'abc=', b'=\r', 'text=41']:
    print(s, binascii.a2b_qp(s), binascii.a2b_qp(s, header=True))
# uu details.
for s in [b' \n', b'!80\n', b'!80', b'"86)\n', b'`\n', b'#86)C\n', b'$86)C', b'!```\n', b'!80 ` \n']:
    try:
        print(s, binascii.a2b_uu(s))
    except binascii.Error as e:
        print(s, 'Error', e)
