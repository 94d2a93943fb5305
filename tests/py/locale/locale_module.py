# _locale through the locale module: setlocale queries and changes,
# localeconv in the C locale, nl_langinfo, getencoding and
# getpreferredencoding, strcoll/strxfrm, format_string, gettext stubs of
# the C library, and the errors.
import locale
import _locale

print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_TIME))
print(sorted(locale.localeconv().items()))
print(locale.getencoding(), locale.getpreferredencoding(), locale.getpreferredencoding(False))
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_12),
      locale.nl_langinfo(locale.D_T_FMT), locale.nl_langinfo(locale.RADIXCHAR), repr(locale.nl_langinfo(locale.THOUSEP)),
      locale.nl_langinfo(locale.YESEXPR), locale.nl_langinfo(locale.T_FMT_AMPM))
print(locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE, locale.LC_MONETARY,
      locale.LC_MESSAGES, locale.LC_ALL, locale.CHAR_MAX, locale.CODESET, locale.RADIXCHAR)
print(locale.setlocale(locale.LC_NUMERIC, 'C'), locale.setlocale(locale.LC_ALL, 'C'))
print(locale.setlocale(locale.LC_ALL, None))
print(locale.setlocale(locale.LC_CTYPE, 'C.UTF-8'), locale.getencoding())
print(locale.strcoll('a', 'b'), locale.strcoll('b', 'a'), locale.strcoll('abc', 'abc'), locale.strxfrm('hello'))
print(sorted(['b', 'A', 'a', 'B'], key=locale.strxfrm))
print(locale.format_string('%d items cost %.2f', (1234567, 1234.5), grouping=True))
print(locale.str(3.25), locale.atof('2.5'), locale.atoi('42'), locale.currency if False else '')
print(locale.getlocale(locale.LC_NUMERIC), locale.normalize('en_US'), locale.normalize('de_DE.utf8'))
print(_locale.gettext('hello'), _locale.dgettext(None, 'msg'), _locale.dcgettext(None, 'm', locale.LC_MESSAGES))
print(_locale.textdomain(None))
print(locale.Error, locale.Error.__mro__[1], locale.Error is _locale.Error)
for args in [(locale.LC_ALL, 'no_SUCH.locale'), (99, 'C'), ('x',), (locale.LC_ALL, 5)]:
    try:
        locale.setlocale(*args)
    except (locale.Error, TypeError) as e:
        print(type(e).__name__, e)
for f, args in [(locale.nl_langinfo, (12345,)), (locale.strcoll, ('a', 1)), (locale.strcoll, ('a',)),
                (locale.strxfrm, (1,)), (_locale.gettext, (1,)), (locale.strcoll, ('a\0', 'b'))]:
    try:
        f(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
