// A class hierarchy with metamethods: 2-D and 3-D vectors with arithmetic
// operators, comparison by length (so arrays of them sort), string conversion
// and iteration over components; then shapes built on them, sorted by area.

class Vec2 {
  x = 0;
  y = 0;
  static count = [0];

  constructor(x = 0, y = 0) {
    this.x = x;
    this.y = y;
    count[0]++;
  }

  function components() { return [x, y]; }
  function make(c) { return Vec2(c[0], c[1]); }

  function _zip(o, fn) {
    local a = components(), b = o.components();
    local out = [];
    foreach (i, v in a) out.append(fn(v, b[i]));
    return make(out);
  }

  function _add(o) { return _zip(o, function(p, q) { return p + q; }); }
  function _sub(o) { return _zip(o, function(p, q) { return p - q; }); }
  function _mul(k) {
    if (k instanceof Vec2) return dot(k);
    return make(components().map(function(v) { return v * k; }));
  }
  function _div(k) { return make(components().map(function(v) { return v / k; })); }
  function _unm() { return make(components().map(function(v) { return -v; })); }

  function dot(o) {
    local a = components(), b = o.components(), s = 0;
    foreach (i, v in a) s += v * b[i];
    return s;
  }

  function lengthSq() { return dot(this); }
  function length() { return math.sqrt(lengthSq()); }

  function _cmp(o) { return lengthSq() <=> o.lengthSq(); }

  function _tostring() {
    local parts = components().map(function(v) { return v.tostring(); });
    local s = "";
    foreach (i, p in parts) s += (i ? ", " : "") + p;
    return "(" + s + ")";
  }

  function _typeof() { return "vector"; }

  // foreach (i, c in v) walks the components
  function _nexti(prev) {
    local n = components().len();
    if (prev == null) return 0;
    return prev + 1 < n ? prev + 1 : null;
  }

  function _get(idx) {
    if (typeof idx == "integer") {
      local c = components();
      if (idx >= 0 && idx < c.len()) return c[idx];
    }
    throw null;
  }
}

class Vec3 extends Vec2 {
  z = 0;
  constructor(x = 0, y = 0, z = 0) {
    base.constructor(x, y);
    this.z = z;
  }
  function components() { return [x, y, z]; }
  function make(c) { return Vec3(c[0], c[1], c[2]); }
  function cross(o) {
    return Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
  }
}

class Shape {
  name = "shape";
  origin = null;
  constructor(name, origin) {
    this.name = name;
    this.origin = origin;
  }
  function area() { throw "area() not implemented for " + name; }
  function _cmp(o) {
    local a = area(), b = o.area();
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  function _tostring() { return format("%s at %s area %.2f", name, origin.tostring(), area()); }
}

class Circle extends Shape {
  r = 0;
  constructor(origin, r) { base.constructor("circle", origin); this.r = r; }
  function area() { return math.PI * r * r; }
}

class Rect extends Shape {
  w = 0; h = 0;
  constructor(origin, w, h, name = "rect") { base.constructor(name, origin); this.w = w; this.h = h; }
  function area() { return w * h; }
}

class Square extends Rect {
  constructor(origin, side) { base.constructor(origin, side, side, "square"); }
}

local a = Vec2(3, 4), b = Vec2(1, 2);
print(a + b);
print(a - b);
print(a * 2);
print(a * b);
print(a / 2);
print(Vec2(3.0, 4.0) / 2);
print(-a);
print(a.length());
print(typeof a + " " + type(a));
print((a > b) + " " + (a < b) + " " + (a <= Vec2(4, 3)));
print(a[0] + a[1]);
local comps = [];
foreach (i, c in Vec3(7, 8, 9)) comps.append(i + ":" + c);
print(comps[0] + " " + comps[1] + " " + comps[2]);

local u = Vec3(1, 0, 0), v = Vec3(0, 1, 0);
print(u.cross(v));
print(u + v + Vec3(0, 0, 5));
print((u + v) instanceof Vec3);
print((u + v) instanceof Vec2);
print(u * v);

local vs = [Vec2(5, 5), Vec2(1, 0), Vec3(2, 2, 2), Vec2(0, -3)];
vs.sort();
local s = "";
foreach (x in vs) s += x + " ";
print(s);

local shapes = [
  Circle(Vec2(0, 0), 1.5),
  Rect(Vec2(1, 1), 2, 5),
  Square(Vec2(-1, 2), 3),
  Circle(Vec2(4, 4), 1),
  Rect(Vec2(0, 9), 0.5, 4)
];
shapes.sort();
foreach (sh in shapes) print(sh);
local biggest = shapes.top();
print("biggest is a " + biggest.name + ", square is a rect: " + (shapes[3] instanceof Rect));

local total = shapes.reduce(function(acc, sh) { return (typeof acc == "float" || typeof acc == "integer" ? acc : acc.area()) + sh.area(); });
print(format("total area %.3f", total));

try {
  Shape("blob", Vec2()).area();
} catch (e) {
  print(e);
}
print("vectors made: " + Vec2.count[0]);
