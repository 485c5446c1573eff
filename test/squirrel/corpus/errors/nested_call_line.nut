function a() { return b(); }
function b() { return c(); }
function c() {
  local arr = [];
  return arr.missing;
}
a();
