samples = ["abc", "ABC", "Abc", "abc123", "123", "١٢٣", "½", "²", "Ⅻ", "", " ", "\t\n", "a b", "Hello World", "Hello world",
           "hello_world", "_id", "1abc", "class", "é", "日本", "x\u0301", "\x00", "\u2028", "ǅ", "ABC DEF", "a.b", "π", "ⅷ", "\u00a0"]
for s in samples:
    flags = [s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.islower(), s.isupper(),
             s.istitle(), s.isidentifier(), s.isprintable(), s.isascii()]
    print(repr(s), "".join("1" if f else "." for f in flags))
