for (local i = 0; i < 3; i++) print(i);
local t = { n = 1 };
t.n = t.n + t.m;
