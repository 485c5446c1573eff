local function sq(x) { return x * x; }
print(sq(7));
print("sq" in getroottable());
function g() { return 1; }
print("g" in getroottable());
