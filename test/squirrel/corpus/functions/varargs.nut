function f(a, ...) {
  print(a + " " + vargv.len());
  foreach (i, v in vargv) print(i + ":" + v);
}
f(1);
f(1, "x", "y");
function sum(...) { local s = 0; foreach (v in vargv) s += v; return s; }
print(sum());
print(sum(1, 2, 3, 4));
