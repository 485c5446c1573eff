local x = 5;
print(x > 3 ? "big" : "small");
print(x > 10 ? "big" : x > 4 ? "medium" : "small");
print(null ? 1 : 2);
local y = x == 5 ? x * 2 : 0;
print(y);
