function f() { return callee() == f; }
print(f());
local anon = function(n) { return n <= 1 ? 1 : n * callee()(n - 1); };
print(anon(5));
