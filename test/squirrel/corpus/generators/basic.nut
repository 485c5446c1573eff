function gen() {
  yield 1;
  yield 2;
  return 3;
}
local g = gen();
print(typeof g);
print(g.getstatus());
print(resume g);
print(resume g);
print(resume g);
print(g.getstatus());
