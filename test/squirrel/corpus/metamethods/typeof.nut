class Meters { function _typeof() { return "meters"; } }
local m = Meters();
print(typeof m);
print(type(m));
