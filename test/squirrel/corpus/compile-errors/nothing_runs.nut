print("this must not print");
local x = 1 +* 2;
