function pair() {
  local v = 0;
  return { inc = function() { v++; }, get = function() { return v; } };
}
local p = pair();
p.inc();
p.inc();
print(p.get());
local q = pair();
q.inc();
print(q.get() + " " + p.get());
