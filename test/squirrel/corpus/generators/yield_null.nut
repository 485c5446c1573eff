function g() { yield; yield 2; }
local it = g();
print(resume it);
print(resume it);
