local a = [1, "two", 3.0, null, [4], { five = 5 }, true];
print(a.len());
foreach (v in a) print(typeof v);
