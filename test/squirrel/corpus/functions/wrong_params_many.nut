function f(a) { return a; }
try { f(1, 2); } catch (e) { print(e); }
local g = function(a, b = 1) { return a + b; };
try { g(); } catch (e) { print(e); }
print(g(1));
try { g(1, 2, 3); } catch (e) { print(e); }
