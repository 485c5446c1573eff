local found = null;
foreach (i, row in [[1, 2], [3, 4], [5, 6]]) {
  foreach (v in row) {
    if (v == 4) { found = i; break; }
  }
  if (found != null) break;
}
print(found);
