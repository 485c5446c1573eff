local d = { function _cmp(o) { return this.v <=> o.v; } };
local a = { v = 1 };
a.setdelegate(d);
local b = { v = 2 };
b.setdelegate(d);
print(a < b);
print(b < a);
print(a >= b);
