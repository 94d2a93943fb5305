"""C decimal arithmetic module"""

# Pyrite's `_decimal` (docs/modules_net.md, "_decimal"): the classes of the
# standard library's own _pydecimal.py, executed at import time from
# sys._stdlib_dir under the name `decimal` (as CPython's C types are
# decimal.Decimal, decimal.Context, ...). Nothing of _pydecimal.py is
# copied here; this file runs it, then makes what differs observably from
# CPython's C module behave as the C module does where that is cheap (the
# list is in docs/modules.md).
#
# TODO(#6): a C++ `_decimal` (src/python/modules/) for speed, and for what
# docs/modules.md lists as still following _pydecimal.py.

import sys as _sys


def _make():
    """The module's names, with the C module's behaviour where
    _pydecimal.py's differs (the helpers stay local to this function)."""

    path = _sys._stdlib_dir + "/_pydecimal.py"
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")

    # The C methods' parameters that are positional-only: `self` of every
    # public method of Decimal, and all parameters of Context's public
    # methods but power's. Marked with `/` in the def lines before
    # compiling (line numbers unchanged), so calls check them as C does.
    cls = None
    for i, line in enumerate(lines):
        if line.startswith("class "):
            cls = line[6:line.index("(")]
        elif line and not line[0].isspace():
            cls = None
        elif cls == "Decimal" and line == "    def from_float(cls, f):":
            lines[i] = "    def from_float(cls, f, /):"
        elif cls in ("Decimal", "Context") and line.startswith("    def ") and line.endswith("):"):
            name = line[8:line.index("(")]
            if name.startswith("_"):
                continue
            if cls == "Decimal" or name == "power":
                if line.startswith("(self)", 8 + len(name)):
                    lines[i] = line[:-2] + ", /):"
                elif line.startswith("(self, ", 8 + len(name)):
                    lines[i] = line.replace("(self, ", "(self, /, ", 1)
            else:
                lines[i] = line[:-2] + ", /):"
        # Context's binary methods: the C module's message for an operand
        # that cannot be converted.
        if line.endswith('raise TypeError("Unable to convert %s to Decimal" % b)'):
            lines[i] = line.replace('"Unable to convert %s to Decimal" % b',
                                    '"conversion from %s to Decimal is not supported" % type(b).__name__')

    ns = {"__name__": "decimal", "__file__": path}
    exec(compile("\n".join(lines), path, "exec"), ns)

    Decimal = ns["Decimal"]
    Context = ns["Context"]
    signals = ns["_signals"]
    rounding_modes = frozenset(ns["_rounding_modes"])
    MAX_PREC = ns["MAX_PREC"]
    MAX_EMAX = ns["MAX_EMAX"]
    MIN_EMIN = ns["MIN_EMIN"]

    def install(cls, name, function):
        old = cls.__dict__.get(name)
        function.__name__ = name
        function.__qualname__ = cls.__name__ + "." + name
        function.__module__ = "decimal"
        if old is not None:
            function.__doc__ = getattr(old, "__doc__", None)
        setattr(cls, name, function)

    # -- Context: attribute checks and messages as the C module's --------

    rounding_message = ("valid values for rounding are:\n"
                        "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                        "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                        "   ROUND_05UP]")
    signals_message = ("valid values for signals are:\n"
                       "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                       "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                       "   Clamped]")
    ranges = {"prec": (1, MAX_PREC, "valid range for prec is [1, MAX_PREC]"),
              "Emin": (MIN_EMIN, 0, "valid range for Emin is [MIN_EMIN, 0]"),
              "Emax": (0, MAX_EMAX, "valid range for Emax is [0, MAX_EMAX]"),
              "capitals": (0, 1, "valid values for capitals are 0 or 1"),
              "clamp": (0, 1, "valid values for clamp are 0 or 1")}
    ssize_max = _sys.maxsize
    object_setattr = object.__setattr__

    def check_signal_dict(d):
        if not isinstance(d, dict):
            raise TypeError("argument must be a signal dict")
        if len(d) != len(signals) or any(s not in d for s in signals):
            raise KeyError("invalid signal dict")
        return d

    def __setattr__(self, name, value):
        r = ranges.get(name)
        if r is not None:
            if not isinstance(value, int):
                raise TypeError("an integer is required")
            if not -ssize_max - 1 <= value <= ssize_max:
                raise OverflowError("Python int too large to convert to C ssize_t")
            if not r[0] <= value <= r[1]:
                raise ValueError(r[2])
            return object_setattr(self, name, int(value))
        if name == "rounding":
            if type(value) is not str or value not in rounding_modes:
                raise TypeError(rounding_message)
            return object_setattr(self, name, value)
        if name == "flags" or name == "traps":
            return object_setattr(self, name, check_signal_dict(value))
        if name == "_ignored_flags":
            return object_setattr(self, name, value)
        raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    def signal_list_or_dict(value):
        # What Context() accepts for flags and traps: None, a signal dict
        # or a list of signals.
        if value is None or isinstance(value, dict):
            return value
        if not isinstance(value, list):
            raise TypeError("argument must be a signal dict")
        for s in value:
            if s not in signals:
                raise KeyError(signals_message)
        return value

    context_init = Context.__init__

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        context_init(self, prec, rounding, Emin, Emax, capitals, clamp,
                     signal_list_or_dict(flags), signal_list_or_dict(traps))

    def _shallow_copy(self):
        nc = Context(self.prec, self.rounding, self.Emin, self.Emax,
                     self.capitals, self.clamp, self.flags, self.traps)
        nc._ignored_flags = self._ignored_flags
        return nc

    def copy(self, /):
        nc = Context(self.prec, self.rounding, self.Emin, self.Emax,
                     self.capitals, self.clamp,
                     self.flags.copy(), self.traps.copy())
        nc._ignored_flags = self._ignored_flags
        return nc

    # The C module lists the signals of a context's repr in this order.
    repr_order = tuple(ns[n] for n in (
        "Clamped", "InvalidOperation", "DivisionByZero", "Inexact", "FloatOperation",
        "Overflow", "Rounded", "Subnormal", "Underflow"))

    def __repr__(self):
        flags = ", ".join(s.__name__ for s in repr_order if self.flags.get(s))
        traps = ", ".join(s.__name__ for s in repr_order if self.traps.get(s))
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, "
                "flags=[%s], traps=[%s])" % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, flags, traps))

    # ... and its pickles in this one.
    reduce_order = tuple(ns[n] for n in (
        "InvalidOperation", "FloatOperation", "DivisionByZero", "Overflow", "Underflow",
        "Subnormal", "Inexact", "Rounded", "Clamped"))

    def __reduce__(self):
        return (self.__class__,
                (self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                 [s for s in reduce_order if self.flags.get(s)],
                 [s for s in reduce_order if self.traps.get(s)]))

    install(Context, "__reduce__", __reduce__)
    install(Context, "__setattr__", __setattr__)
    install(Context, "__delattr__", __delattr__)
    install(Context, "__init__", __init__)
    install(Context, "_shallow_copy", _shallow_copy)
    install(Context, "copy", copy)
    Context.__copy__ = Context.copy
    install(Context, "__repr__", __repr__)

    # -- Decimal: the C module's argument checks ------------------------

    # A trapped signal is raised as the C module raises it: the class of
    # the signal (InvalidOperation for its subconditions) with, as its
    # argument, the list of the conditions that occurred (here the one).
    condition_map = ns["_condition_map"]

    def _raise_error(self, condition, explanation=None, *args):
        signal = condition_map.get(condition, condition)
        if signal in self._ignored_flags:
            return signal().handle(self, *args)
        self.flags[signal] = 1
        if self.traps[signal]:
            raise signal([condition])
        return condition().handle(self, *args)

    install(Context, "_raise_error", _raise_error)

    # The C module's message for operands it cannot convert.
    convert_other = ns["_convert_other"]

    def _convert_other(other, raiseit=False, allow_float=False):
        result = convert_other(other, False, allow_float)
        if result is NotImplemented and raiseit:
            raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
        return result

    ns["_convert_other"] = _convert_other

    decimal_new = Decimal.__new__
    accepted = (Decimal, str, int, float, tuple, list, ns["_WorkRep"])

    def __new__(cls, value="0", context=None):
        if context is not None and not isinstance(context, Context):
            raise TypeError("optional argument must be a context")
        if not isinstance(value, accepted):
            raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)
        return decimal_new(cls, value, context)

    __new__.__name__ = "__new__"
    __new__.__qualname__ = "Decimal.__new__"
    Decimal.__new__ = __new__

    def check_rounding_context(rounding, context):
        if rounding is not None and (type(rounding) is not str or rounding not in rounding_modes):
            raise TypeError(rounding_message)
        if context is not None and not isinstance(context, Context):
            raise TypeError("optional argument must be a context")

    quantize_checked = Decimal.quantize

    def quantize(self, /, exp, rounding=None, context=None):
        check_rounding_context(rounding, context)
        return quantize_checked(self, exp, rounding, context)

    install(Decimal, "quantize", quantize)

    def integral(name):
        checked = getattr(Decimal, name)

        def to_integral(self, /, rounding=None, context=None):
            check_rounding_context(rounding, context)
            return checked(self, rounding, context)

        install(Decimal, name, to_integral)

    for name in ("to_integral", "to_integral_value", "to_integral_exact"):
        integral(name)

    # Last, as CPython's C types: named decimal.X in messages, immutable.
    # (_pyrite is Pyrite's; under CPython, which has its own _decimal, this
    # file only runs to be compared with it.)
    try:
        from _pyrite import builtin_type
    except ImportError:
        builtin_type = None
    if builtin_type is not None:
        builtin_type(Decimal, "decimal.Decimal")
        builtin_type(Context, "decimal.Context")

    exported = {name: ns[name] for name in ns["__all__"]}
    exported["__version__"] = "1.70"
    exported["__libmpdec_version__"] = "2.5.1"
    return exported


globals().update(_make())
del _make, _sys
