local old = getconsttable();
local mine = { LIMIT = 7 };
local prev = setconsttable(mine);
print(prev == old);
print(getconsttable().LIMIT);
setconsttable(old);
print(getconsttable() == old);
