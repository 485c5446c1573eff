local a = 5;
print(-a);
print(-(-a));
local f = 2.5;
print(-f);
print(-(0x80000000));
local t = {};
print(-t);
