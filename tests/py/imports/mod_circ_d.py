from mod_circ_c import C_NAME
D_NAME = "d"
