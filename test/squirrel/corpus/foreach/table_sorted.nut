local t = { one = 1, two = 2, three = 3 };
local sum = 0;
local keys = [];
foreach (k, v in t) { sum += v; keys.append(k); }
keys.sort();
print(sum);
print(keys[0] + "," + keys[1] + "," + keys[2]);
local n = 0;
foreach (v in t) n++;
print(n);
