for width in range(0, 9):
    print(width, repr("ab".center(width, "*")), repr("abc".center(width, "*")), repr(format("ab", f"*^{width}")), repr(format("abc", f"*^{width}")))
print(repr(format(5, "*^4")), repr(format(-5, "*^5")), repr(format(1.5, "*^7")), repr("x".center(4)), repr("xy".center(5)))
