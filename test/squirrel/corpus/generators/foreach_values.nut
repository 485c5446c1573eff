function range(n) {
  for (local i = 0; i < n; i++) yield i * i;
}
foreach (v in range(4)) { if (v != null) print(v); }
foreach (i, v in range(3)) { if (v != null) print(i + "->" + v); }
