function a() {
  local x = "A";
  return function() {
    return function() { return x; };
  };
}
print(a()()());
