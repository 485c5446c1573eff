class Bag {
  items = null;
  constructor() { items = []; }
}
local a = Bag();
local b = Bag();
a.items.append(1);
print(a.items.len() + " " + b.items.len());
