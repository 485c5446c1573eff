local n = 0;
for (;;) { n++; if (n >= 4) break; }
print(n);
local m = 0;
while (true) { if (++m == 3) break; }
print(m);
