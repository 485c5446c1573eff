class V {
  x = 0; y = 0;
  constructor(x, y) { this.x = x; this.y = y; }
  function _add(o) { return V(x + o.x, y + o.y); }
  function _sub(o) { return V(x - o.x, y - o.y); }
  function _mul(k) { return V(x * k, y * k); }
  function _div(k) { return V(x / k, y / k); }
  function _modulo(k) { return V(x % k, y % k); }
  function _unm() { return V(-x, -y); }
  function _tostring() { return "(" + x + "," + y + ")"; }
}
local a = V(1, 2), b = V(10, 20);
print(a + b);
print(b - a);
print(a * 3);
print(b / 4);
print(b % 7);
print(-a);
