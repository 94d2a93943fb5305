s = "line1\nline2\r\nline3\rline4\x0bline5\x0cline6\x1cline7\x1dline8\x1eline9\x85line10\u2028line11\u2029end"
print(s.splitlines())
print(s.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(), "a\n".splitlines(), "a\n\nb".splitlines(True))
print("no newline".splitlines(), "trailing\r".splitlines(True), "\r\n".splitlines(True))
print("a\nb".split("\n"), "a\nb\n".split("\n"), "a\r\nb".splitlines())
