function g() { yield 1; throw "gen failed"; }
local got = [];
try {
  foreach (v in g()) got.append(v);
} catch (e) {
  print(e);
}
print(got.len());
