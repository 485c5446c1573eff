// agent
local r = regexp2("^([a-z]+)-(\\d+)$");
print(r.match("abc-123"));
print(r.match("abc-"));
local c = r.capture("item-42");
print(c.len());
print("item-42".slice(c[2].begin, c[2].end));
local s = r.search("zz-1");
print(s.begin + " " + s.end);
