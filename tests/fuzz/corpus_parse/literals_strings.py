'a'; "b"; '''c'''; """d"""
u'unicode'; r'\n raw'; R"\d"; b'bytes'; rb'\x00'; BR"x"; Rb'y'
'esc: \n \t \r \\ \' \" \a \b \f \v \0 \x41 \101 \u00e9 \U0001F600 \N{BULLET}'
'quote \' and "'; "only ' single"; 'only " double'
'adjacent' "strings" '''joined'''
b'a' b'b'
'\ud800 lone surrogate'; '\x7f\x80\xa0\u2028\ue000'
'unknown \q escape'
"line \
continued"
