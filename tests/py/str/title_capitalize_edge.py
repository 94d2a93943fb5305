for s in ["hello", "HELLO", "hELLO wORLD", "123abc def", "a-b_c.d/e", "x'y", "ǳ ǆ ǉ", "élan vital", "ÉLAN", "ﬂour ﬁsh", "σίσυφος", "ΣΊΣΥΦΟΣ", "ǰ", "ᾳ", "  lead", "tab\tsep", "1st 2nd", "mcdonald's", "ŉ"]:
    print(repr(s), repr(s.title()), repr(s.capitalize()), s.istitle(), s.title().istitle())
