// getstackinfos(level).locals: `this`, the parameters (and vargv) and the
// locals in scope where the call is, with their current values
function names(t) {
  local keys = [];
  foreach (k, v in t) keys.append(k);
  keys.sort();
  local out = "";
  foreach (k in keys) out += k + " ";
  return out;
}
function f(a, b) {
  local x = a + b;
  if (x > 0) {
    local inner = "in";
    local l = getstackinfos(1).locals;
    print(names(l));
    print(l.a + " " + l.b + " " + l.x + " " + l.inner);
  }
  local after = getstackinfos(1).locals;
  print(names(after));
  for (local i = 0; i < 2; i++) {
    print("i=" + getstackinfos(1).locals.i);
  }
  foreach (k, v in ["p", "q"]) {
    local seen = getstackinfos(1).locals;
    print(seen.k + ":" + seen.v);
  }
  try {
    throw "boom";
  } catch (e) {
    print("e=" + getstackinfos(1).locals.e);
  }
  x = 10;
  print("x=" + getstackinfos(1).locals.x);
  return x;
}
f(1, 2);
function g(...) {
  return getstackinfos(1).locals.vargv.len();
}
print(g(1, 2, 3));
function caller(n) {
  local mine = n * 2;
  return callee(n);
}
function callee(n) {
  return getstackinfos(2).locals.mine;
}
print(caller(21));
class C {
  v = 5;
  function m(p) {
    local q = p + this.v;
    return getstackinfos(1).locals.q;
  }
}
print(C().m(1));
function gen(n) {
  local acc = n * 3;
  yield getstackinfos(1).locals.acc;
}
foreach (x in gen(7)) print(x);
print(names(getstackinfos(0)));
