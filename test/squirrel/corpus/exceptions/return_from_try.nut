function f() {
  try { return "from try"; } catch (e) { return "from catch"; }
}
print(f());
function g() {
  try { throw "x"; } catch (e) { return "caught " + e; }
  return "end";
}
print(g());
