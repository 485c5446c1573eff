local obj = {
  name = "obj",
  function getter() {
    return function() { return this.name; };
  }
};
name <- "root";
local g = obj.getter();
print(g());
print(g.bindenv(obj)());
