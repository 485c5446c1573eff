local r = regexp("^h.llo$");
print(r.match("hello"));
print(r.match("hallo"));
print(r.match("hllo"));
local e = regexp("\\.");
print(e.search("a.b").begin);
