local a = {};
local b = {};
b.setdelegate(a);
print(b.len());
print(b.missing);
