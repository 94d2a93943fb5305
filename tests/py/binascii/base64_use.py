# The stdlib's base64 module over binascii (and struct).
import base64, binascii

print(base64.b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.b64decode('+//+'),
      base64.b16encode(b'\x01\xab'), base64.b16decode('01AB'), base64.b32encode(b'abc'), base64.b32decode('MFRGG==='),
      base64.b85encode(b'hello'), base64.a85encode(b'hello'), base64.encodebytes(b'x' * 60))
try:
    base64.b64decode('abc', validate=True)
except binascii.Error as e:
    print('Error', e)
print(base64.standard_b64decode(b'YWJj'), base64.b64decode(b'YW-_', altchars=b'-_'))
