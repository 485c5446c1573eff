class Foo {}
print("Foo" in getroottable());
print(typeof ::Foo);
local Bar = class { v = 1; };
print(Bar().v);
print("Bar" in getroottable());
