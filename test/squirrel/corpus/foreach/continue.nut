local s = "";
foreach (v in [1, 2, 3, 4, 5]) { if (v % 2 == 0) continue; s += v; }
print(s);
