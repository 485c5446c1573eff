class Point {
  x = 0;
  y = 0;
  constructor(x, y) { this.x = x; this.y = y; }
  function sum() { return x + y; }
}
local p = Point(3, 4);
print(p.x);
print(p.sum());
print(typeof p);
print(typeof Point);
print(p instanceof Point);
