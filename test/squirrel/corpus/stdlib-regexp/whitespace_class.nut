local ws = regexp("\\s+");
local m = ws.search("one   two");
print(m.end - m.begin);
local cap = regexp("^[A-Z][a-z]+$");
print(cap.match("Hello"));
print(cap.match("hello"));
