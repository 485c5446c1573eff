class T {
  v = 7;
  function get() { return v; }
}
local t = T();
local f = t.get;
local other = T();
other.v = 8;
print(f.call(other));
print(t.get());
