local results = [];
for (local i = 0; i < 5; i++) {
  try {
    if (i % 2) throw i;
    results.append("ok" + i);
  } catch (e) {
    results.append("err" + e);
    if (e == 3) break;
  }
}
foreach (r in results) print(r);
