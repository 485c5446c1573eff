local newRoot = { print = print, marker = "new" };
local old = setroottable(newRoot);
print(marker);
setroottable(old);
print("marker" in getroottable());
