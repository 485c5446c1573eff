local a = null;
local b = 1;
print(b + 1);
print(a + b);
