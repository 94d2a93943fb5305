from ..sub import sub_func
from .. import sub
from . import INNER
from .. import PKG_LEVEL as ALIASED
def describe():
    return [__name__, __package__, sub_func(), sub.__name__, INNER, ALIASED]
