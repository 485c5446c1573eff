local t = { count = 0 };
function risky(n) {
  t.count++;
  if (n > 2) throw "too big";
  return n;
}
local ok = 0;
for (local i = 0; i < 5; i++) {
  try { ok += risky(i); } catch (e) { }
}
print(ok);
print(t.count);
