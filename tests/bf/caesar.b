caesar: every input byte plus one until the end of input
,[+.,]
