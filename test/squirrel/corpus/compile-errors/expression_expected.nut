print("start");
local x = ;
