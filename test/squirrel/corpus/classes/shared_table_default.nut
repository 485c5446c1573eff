class Bag {
  items = [];
  meta = {};
  count = 0;
}
local a = Bag();
local b = Bag();
a.items.append(1);
a.meta.k <- "v";
a.count = 5;
print(b.items.len());
print("k" in b.meta);
print(b.count);
print(a.items == b.items);
