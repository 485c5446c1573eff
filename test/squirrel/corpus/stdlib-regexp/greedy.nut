local r = regexp("a+b*c?");
local m = r.search("xxaaabbbcdd");
print(m.begin + "," + m.end);
local g = regexp("x.*y");
local m2 = g.search("axbyczy");
print(m2.begin + "," + m2.end);
