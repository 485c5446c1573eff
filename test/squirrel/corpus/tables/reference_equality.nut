local a = {};
local b = a;
local c = {};
print(a == b);
print(a == c);
b.x <- 1;
print(a.x);
print(a != c);
