function f(x, y = 5 * 2) { return x + y; }
print(f(1));
function g(s = "d" + "ef") { return s; }
print(g());
print(g("x"));
