import sys as _sys
visible = 1
_underscore = 2
def visible_func():
    return "visible"
class VisibleClass:
    pass
