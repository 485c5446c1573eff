local g;
function gen() {
  print("inside: " + g.getstatus());
  yield 1;
}
g = gen();
print(g.getstatus());
resume g;
print(g.getstatus());
