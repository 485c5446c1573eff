print("dofile" in getroottable());
print("loadfile" in getroottable());
print("getenv" in getroottable());
print("system" in getroottable());
