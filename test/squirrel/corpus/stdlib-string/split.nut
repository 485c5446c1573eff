local parts = split("a,b,c", ",");
print(parts.len());
foreach (p in parts) print(p);
local p2 = split("a,,b", ",");
print(p2.len());
local p3 = split("k1=v1;k2=v2", ";=");
print(p3.len() + " " + p3[2]);
print(split("", ",").len());
