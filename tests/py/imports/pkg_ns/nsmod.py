NS_VALUE = "from a namespace package"
