function gen() { yield "only"; }
local g = gen();
print(resume g);
print(resume g);
print(g.getstatus());
resume g;
