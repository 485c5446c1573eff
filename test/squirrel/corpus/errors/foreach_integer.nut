foreach (v in 5) print(v);
