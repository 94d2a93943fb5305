from mod_circ_d import D_NAME
C_NAME = "c"
