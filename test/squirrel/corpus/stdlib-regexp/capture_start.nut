local r = regexp("(o)");
local c = r.capture("foo boo", 3);
print(c[0].begin);
print(c[1].end);
