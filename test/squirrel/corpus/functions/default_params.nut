function f(a, b = 2, c = "c") {
  return a + "," + b + "," + c;
}
print(f(1));
print(f(1, 5));
print(f(1, 5, 9));
