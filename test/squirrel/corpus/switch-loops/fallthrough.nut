function f(x) {
  local out = [];
  switch (x) {
    case 1: out.append("one");
    case 2: out.append("two"); break;
    case 3: out.append("three");
    default: out.append("default");
  }
  local s = "";
  foreach (v in out) s += v + ";";
  return s;
}
print(f(1));
print(f(2));
print(f(3));
print(f(9));
