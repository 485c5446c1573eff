function f() { return 1; }
print(f());
function f() { return 2; }
print(f());
f = function() { return 3; };
print(f());
