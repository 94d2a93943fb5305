moves left of cell 0 after a loop
++++[>++<-]>[<<]
