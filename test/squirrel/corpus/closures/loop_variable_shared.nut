local gs = [];
for (local k = 0; k < 3; k++) gs.append(function() { return k; });
local r = "";
foreach (g in gs) r += g();
print(r);
