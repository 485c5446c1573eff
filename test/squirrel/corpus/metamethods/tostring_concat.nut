class N {
  v = 0;
  constructor(v) { this.v = v; }
  function _tostring() { return "N" + v; }
}
local n = N(7);
print(n);
print("value: " + n);
print(n.tostring());
print(n + "!");
