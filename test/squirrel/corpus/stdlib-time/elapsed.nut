local start = time();
local x = 0;
for (local i = 0; i < 1000; i++) x += i;
print(time() - start);
print(x);
