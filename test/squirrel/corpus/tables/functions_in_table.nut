local t = {
  n = 3,
  function double() { return n * 2; },
  triple = function() { return this.n * 3; }
};
print(t.double());
print(t.triple());
t.n = 5;
print(t.double());
