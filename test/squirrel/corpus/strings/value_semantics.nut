local a = "hello";
local b = a;
b += " world";
print(a);
print(b);
local t = { s = a };
t.s += "!";
print(a);
print(t.s);
