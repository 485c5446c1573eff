local log = [];
local d = {
  function _get(k) { return "default-" + k; },
  function _set(k, v) { log.append("set:" + k); },
  function _newslot(k, v) { log.append("newslot:" + k); this.rawset(k, v); },
  function _delslot(k) { log.append("delslot:" + k); this.rawdelete(k); }
};
local t = { a = 1 };
t.setdelegate(d);
print(t.a);
print(t.zzz);
t.b = 2;
t.c <- 3;
print(t.c);
t.a = 10;
print(t.a);
delete t.c;
print("c" in t);
foreach (e in log) print(e);
