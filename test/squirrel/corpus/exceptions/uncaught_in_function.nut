function f() {
  print("in f");
  throw "fail";
}
f();
print("never");
