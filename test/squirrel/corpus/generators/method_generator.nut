class Tree {
  items = null;
  constructor() { items = [3, 1, 2]; }
  function each() { foreach (v in items) yield v; }
}
local t = Tree();
local g = t.each();
print(resume g);
print(resume g);
print(resume g);
print(g.getstatus());
