class Base {
  log = null;
  constructor() { log = []; }
  function _set(k, v) { log.append(k + "=" + v); }
}
class Sub extends Base {}
local s = Sub();
s.alpha = 1;
s.beta = 2;
print(s.log.len());
print(s.log[0] + " " + s.log[1]);
