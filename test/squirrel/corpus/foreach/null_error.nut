local x = null;
foreach (v in x) print(v);
