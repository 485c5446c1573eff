local r = regexp("a");
print(typeof r);
print(r.match("a"));
print(r.match("aa"));
