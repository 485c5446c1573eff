try { print(1 / 0); } catch (e) { print(e); }
print(1.0 / 0);
print(-1.0 / 0);
print(1 / 0.0);
local z = 0;
print(10 / z);
