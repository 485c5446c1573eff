local ops = {};
function mk(x) { local t = { x = x }; t.setdelegate(ops); return t; }
ops._add <- function(o) { return mk(this.x + o.x); };
ops._tostring <- function() { return "T" + this.x; };
local a = mk(2), b = mk(5);
print(a + b);
print((a + b).x);
