function acc(total) {
  return function(x) { total += x; return total; };
}
local a = acc(100);
a(10);
print(a(5));
