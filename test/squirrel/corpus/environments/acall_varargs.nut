function count(...) { return this.tag + vargv.len(); }
print(count.acall([{ tag = "n=" }, 1, 2, 3]));
print(count.call({ tag = "m=" }));
