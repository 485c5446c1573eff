function two() { yield "a"; yield "b"; }
local n = 0;
foreach (v in two()) { n++; print(v); }
print(n);
