local n = 0;
foreach (v in [1, "a", 2, null, 3]) {
  try { n += v * 2; } catch (e) { print("skip " + v); continue; }
}
print(n);
