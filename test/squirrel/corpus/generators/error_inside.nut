function bad() { yield 1; throw "boom"; }
local g = bad();
print(resume g);
try { resume g; } catch (e) { print("caught " + e); }
print(g.getstatus());
