VERSION = "version one"
