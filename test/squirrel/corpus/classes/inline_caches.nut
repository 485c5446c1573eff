// One call site or member access seeing different classes, members changed
// after instances exist, fields holding functions, and non-instances.
class A {
  x = 1;
  function f() { return "A.f " + x; }
  function g(a, b = 10) { return a + b; }
}
class B {
  y = 5;
  x = 2;
  function f() { return "B.f " + x + " " + y; }
}
class C extends A {
  z = 3;
  function f() { return "C.f " + x + " " + z + " " + base.f(); }
}
local objs = [A(), B(), C(), A()];
foreach (o in objs) print(o.f());
foreach (o in objs) { o.x += 10; print(o.x); }
foreach (o in objs) { o.x++; ++o.x; print(o.f()); }

// default parameter: the cached method takes 2 arguments, the site passes 1 or 2
local a = A();
for (local i = 0; i < 3; i++) print(a.g(i) + " " + a.g(i, 1));

// a method replaced and added after the class has instances
for (local i = 0; i < 4; i++) {
  if (i == 2) A.f = function() { return "A.f replaced " + x; };
  print(a.f());
}
A.h <- function() { return "A.h " + x; };
print(a.h());

// a field holding a function, called like a method
class D {
  f = null;
  constructor() { f = function() { return "field fn"; }; }
}
local d = D();
for (local i = 0; i < 2; i++) print(d.f());
d.f = function(n) { return "other field fn " + n; };
print(d.f(7));

// a bound method
class E {
  function who() { return this.name; }
}
local env = { name = "env" };
E.bound <- E.who.bindenv(env);
local e = E();
for (local i = 0; i < 2; i++) print(e.bound());

// a weak reference in a field reads as its target
class W { w = null; }
local t = [1, 2, 3];
local w = W();
w.w = t.weakref();
for (local i = 0; i < 2; i++) print(w.w.len() + " " + typeof w.w);

// _get/_set for missing members, at sites that also see fields
class M {
  v = 1;
  function _get(k) { return "got " + k; }
  function _set(k, val) { ::print("set " + k + " " + val); }
}
local ms = [M(), A()];
foreach (o in ms) print(o.x);
local m = M();
m.v = 2;
m.nothere = 3;
print(m.v);

// len() and methods of arrays, strings, tables at one site
local things = [[1, 2], "abc", { a = 1, len = function() { return 42; } }, { b = 2 }];
foreach (o in things) print(o.len());
local tbl = { f = function() { return "t.f"; } };
print(tbl.f());
tbl.f = function() { return "t.f replaced"; };
print(tbl.f());

// rawset, clone and foreach see the same fields
local c = C();
c.rawset("z", 30);
local c2 = clone c;
c2.x = 99;
print(c.x + " " + c.z + " " + c2.x + " " + c2.z);
foreach (k, v in c2) if (typeof v != "function") print(k + "=" + v);

// a missing method is still an error with its line
for (local i = 0; i < 2; i++) {
  try { a.missing(); } catch (err) { print(err); }
}
b <- B();
b.nope(1, 2);
