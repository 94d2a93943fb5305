samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nret\r", "\x00\x01\x1f\x7f\x80\x9f\xa0",
           "é ñ ü", "\u200b\u2028\u2029", "\ud800", "日本語", "😀", "\U0010ffff", "\\back\\slash", "\x1b[31m", "\xad", "\u0378", "\ufeff", "\U000e0001"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(repr("'" * 2 + '"'), repr('"' * 3), repr("\\'"))
print(str(["é", "\n"]), ascii(["é", "\n"]), repr({"ключ": "значение"}), ascii({"ключ": 1}))
print(f"{'é'!a}", "%a" % "é", "{!a}".format("😀"))
