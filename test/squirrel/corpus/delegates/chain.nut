local a = { x = "a" };
local b = { y = "b" };
local c = { z = "c" };
b.setdelegate(a);
c.setdelegate(b);
print(c.z + c.y + c.x);
a.x = "A";
print(c.x);
