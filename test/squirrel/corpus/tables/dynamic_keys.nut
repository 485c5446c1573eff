local t = {};
for (local i = 0; i < 5; i++) t["k" + i] <- i * i;
print(t.len());
print(t.k3);
local total = 0;
foreach (k, v in t) total += v;
print(total);
local key = "k4";
print(t[key]);
