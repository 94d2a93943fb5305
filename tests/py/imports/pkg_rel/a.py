from .b import B
A = "A uses " + B
