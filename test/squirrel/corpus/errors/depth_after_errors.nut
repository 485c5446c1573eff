// Errors leaving functions (caught at various levels, through natives,
// metamethods and generators) must not change the call depth available
// afterwards, and traces must still name the innermost frame.
function maxdepth() {
  local n = 0;
  local f = null;
  f = function() { n++; f(); };
  try { f(); } catch (e) { if (e != "stack overflow") throw e; }
  return n;
}
local base = maxdepth();
print(base > 100);

function thrower(k) { if (k == 0) throw "boom"; return thrower(k - 1); }
function level(k) { return thrower(k); }
for (local i = 0; i < 3; i++) {
  try { level(10 * i); } catch (e) { print(e); }
}
print(maxdepth() == base);

// through a native calling back into Squirrel
try { [1, 2, 3].map(function(x) { return thrower(x); }); } catch (e) { print("map: " + e); }
try { [3, 1, 2].sort(function(a, b) { throw "in sort"; }); } catch (e) { print("sort: " + e); }
print(maxdepth() == base);

// a _get that throws null ("no such key") is answered by the next lookup
class G {
  function _get(k) { if (k == "deep") return thrower(5); throw null; }
}
local g = G();
for (local i = 0; i < 3; i++) {
  try { print(g.missing); } catch (e) { print("get: " + e); }
  try { print(g.deep); } catch (e) { print("deep: " + e); }
}
print(maxdepth() == base);

// generators: an error inside, caught outside
function gen() { yield 1; thrower(3); yield 2; }
local it = gen();
print(resume it);
try { resume it; } catch (e) { print("gen: " + e); }
print(it.getstatus());
print(maxdepth() == base);

// a catch inside a deeper function, then a new error from its handler
function rethrow(k) {
  try { thrower(k); } catch (e) { throw "re-" + e; }
}
try { rethrow(4); } catch (e) { print(e); }
print(maxdepth() == base);

// stack info inside a handler is the handler's own frame
function where() {
  try { thrower(3); } catch (e) { return getstackinfos(1).func; }
}
print(where());

// the uncaught error's line is the innermost frame's
function inner() {
  local x = 1;
  return x + null;
}
function outer() { return inner(); }
outer();
