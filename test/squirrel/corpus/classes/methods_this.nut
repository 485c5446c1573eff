class Counter {
  n = 0;
  function inc() { n++; return this; }
  function get() { return n; }
}
local c = Counter();
c.inc().inc().inc();
print(c.get());
local m = c.get;
print(m.call(c));
