function safe(items) {
  foreach (it in items) {
    try { yield 10 / it; } catch (e) { yield e; }
  }
}
local g = safe([2, 0, 5]);
print(resume g);
print(resume g);
print(resume g);
