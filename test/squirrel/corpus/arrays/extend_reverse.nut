local a = [1, 2];
a.extend([3, 4]);
print(a.len());
a.reverse();
local s = "";
foreach (v in a) s += v;
print(s);
