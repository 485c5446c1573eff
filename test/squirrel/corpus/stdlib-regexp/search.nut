local r = regexp("[0-9]+");
local m = r.search("abc 123 def 45");
print(m.begin + " " + m.end);
local m2 = r.search("abc 123 def 45", 7);
print(m2.begin + " " + m2.end);
print(r.search("no digits"));
