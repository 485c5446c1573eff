function outer() {
  function inner() { return "inner"; }
  return inner();
}
print(outer());
print("inner" in getroottable());
