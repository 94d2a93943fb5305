samples = ["hello world", "HELLO World", "they're bill's friends", "a1b2 c3-d_e", "ǆemal ǉub", "  mixed CASE words  ", "", "123", "o'neil mcdonald-smith", "ßtraße", "ŉ", "ﬁne"]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
print("ΣΑΣ".lower(), "ὈΔΥΣΣΕΎΣ".lower(), "Σ".lower(), "aΣ".lower(), "aΣb".lower(), "aΣ.".lower())
print("ß".upper(), "ß".casefold(), "ß".title(), "ß".capitalize(), "ﬀ".upper(), "ǰ".upper(), len("ΐ".upper()))
print("İ".lower(), len("İ".lower()), "ı".upper(), "i".upper(), "I".lower(), "İstanbul".casefold() == "i̇stanbul")
print("ǅ".lower(), "ǅ".upper(), "ǅ".title(), "ǆ".title(), "ǆ".istitle(), "ǅ".istitle())
print("straße".casefold() == "STRASSE".casefold(), "Straße".upper() == "STRASSE")
