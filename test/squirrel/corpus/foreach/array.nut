local a = ["x", "y", "z"];
foreach (v in a) print(v);
foreach (i, v in a) print(i + "=" + v);
