local a = 1;
local b = 2;
function f() {
  return a +;
}
