NAME = "beta module"
