local r = regexp("(\\d+)-(\\d+)");
print(r.capture("no match here"));
local c = r.capture("range 10-20 end");
print(c[1].begin + " " + c[1].end + " " + c[2].begin + " " + c[2].end);
