print(0.5 < 1);
print(1.0 >= 1);
print(2.5 <= 2);
local arr = [3, 1.5, 2, -1, 0.5];
arr.sort();
foreach (v in arr) print(v);
