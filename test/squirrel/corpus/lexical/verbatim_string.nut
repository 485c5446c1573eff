local s = @"c:\path\n";
print(s);
print(s.len());
local q = @"say ""hi""";
print(q);
local m = @"line1
line2";
print(m);
print(m.len());
