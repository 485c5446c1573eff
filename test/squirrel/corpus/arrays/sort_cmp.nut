local a = [5, 3, 9, 1, 7];
a.sort(function(x, y) { return y <=> x; });
local out = "";
foreach (v in a) out += v + " ";
print(out);
local recs = [{n = "b", v = 2}, {n = "a", v = 3}, {n = "c", v = 1}];
recs.sort(function(p, q) { return p.v <=> q.v; });
foreach (r in recs) print(r.n);
