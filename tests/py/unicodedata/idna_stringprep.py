# The users of ucd_3_2_0: the idna codec (nameprep) and stringprep.
import encodings.idna
import stringprep

for name in ("bücher.example", "Straße.de", "ÉCOLE.fr", "ﬁ.com", "пример.рф", "例え.テスト", "xn--bcher-kva.example",
             "a\u200db.com", "mañana.com"):
    try:
        enc = name.encode("idna")
        print(ascii(name), enc, ascii(enc.decode("idna")))
    except UnicodeError as e:
        print(ascii(name), type(e).__name__, e)
print(ascii(encodings.idna.nameprep("Ab\u00adC\u2126\u0130")))
for bad in ("a\u0627b", "\u0627a\u0627", "\u05d0\u05d1"):
    try:
        print(ascii(encodings.idna.nameprep(bad)))
    except UnicodeError as e:
        print(type(e).__name__, e)
checks = [stringprep.in_table_a1, stringprep.in_table_b1, stringprep.in_table_c11, stringprep.in_table_c12,
          stringprep.in_table_c21, stringprep.in_table_c22, stringprep.in_table_c3, stringprep.in_table_c4,
          stringprep.in_table_c5, stringprep.in_table_c6, stringprep.in_table_c7, stringprep.in_table_c8,
          stringprep.in_table_c9, stringprep.in_table_d1, stringprep.in_table_d2]
for cp in (0x41, 0x221, 0x377, 0xAD, 0x3000, 0x80, 0xE000, 0xFDD0, 0xD800, 0xFFF9, 0x2FF0,
           0x340, 0x200E, 0xE0001, 0x5D0, 0x627, 0x61, 0x10FFFF, 0x1F600, 0x9FA6):
    ch = chr(cp)
    print(hex(cp), "".join("1" if f(ch) else "0" for f in checks), ascii(stringprep.map_table_b2(ch)),
          ascii(stringprep.map_table_b3(ch)))
