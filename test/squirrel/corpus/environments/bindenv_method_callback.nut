class Btn {
  label = "";
  constructor(l) { label = l; }
  function handler() { return "clicked " + label; }
}
local b = Btn("ok");
local cb = b.handler.bindenv(b);
function fire(f) { return f(); }
print(fire(cb));
local unbound = b.handler;
try { print(fire(unbound)); } catch (e) { print("error: " + e); }
