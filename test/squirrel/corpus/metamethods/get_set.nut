class Dyn {
  store = null;
  constructor() { store = {}; }
  function _get(k) { if (k in store) return store[k]; throw null; }
  function _set(k, v) { print("set " + k); store[k] <- v; }
}
local d = Dyn();
d.color = "red";
print(d.color);
print(d.store.len());
d.color = "blue";
print(d.color);
