const K = 3;
local ct = getconsttable();
print(typeof ct);
print(ct.K);
