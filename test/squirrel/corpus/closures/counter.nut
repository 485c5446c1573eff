function makeCounter() {
  local n = 0;
  return function() { n++; return n; };
}
local c1 = makeCounter();
local c2 = makeCounter();
print(c1());
print(c1());
print(c2());
print(c1());
