const A = 1;
enum E { X, Y }
print(getconsttable().A);
print(getconsttable().E.Y);
print("A" in getroottable());
print("E" in getroottable());
