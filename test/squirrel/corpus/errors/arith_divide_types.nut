local x = 10;
local y = "2";
print(x / y);
