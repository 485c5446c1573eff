local t = {
  a = 1,
  b = 2
};
function check(x) {
  if (x > 1)
    throw "too big: " + x;
  return x;
}
print(check(1));
print(check(t.b));
