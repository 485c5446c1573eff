print("compilestring" in getroottable());
compilestring("return 1");
