function f(a, b) {
  switch (a) {
    case 1:
      switch (b) {
        case 1: return "1-1";
        default: return "1-x";
      }
    case 2: return "2";
  }
  return "none";
}
print(f(1, 1));
print(f(1, 5));
print(f(2, 0));
print(f(3, 0));
