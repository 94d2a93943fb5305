B = "B"
