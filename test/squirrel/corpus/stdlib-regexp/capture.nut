local r = regexp("(\\w+)@(\\w+)\\.com");
local s = "mail: bob@example.com!";
local caps = r.capture(s);
print(caps.len());
foreach (c in caps) print(s.slice(c.begin, c.end));
print(r.subexpcount());
