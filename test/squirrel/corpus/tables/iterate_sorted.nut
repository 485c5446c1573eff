local t = { b = 2, a = 1, c = 3 };
local keys = [];
foreach (k, v in t) keys.append(k);
keys.sort();
foreach (k in keys) print(k + "=" + t[k]);
