x <- "root x";
local obj = {
  x = "obj x",
  function get() { return x; }
};
print(obj.get());
local fn = obj.get;
print(fn());
print(fn.call(obj));
print(fn.call({ x = "other" }));
