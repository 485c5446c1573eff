function mod(n, t, a) { n = 99; t.x <- 1; a.append(1); }
local n = 1, t = {}, a = [];
mod(n, t, a);
print(n);
print("x" in t);
print(a.len());
