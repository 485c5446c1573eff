local t = { a = [1, 2], b = "str", c = 3 };
local names = [];
foreach (k, v in t) names.append(k + ":" + typeof v);
names.sort();
foreach (n in names) print(n);
