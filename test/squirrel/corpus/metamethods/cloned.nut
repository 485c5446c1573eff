class R {
  id = 0;
  tag = "";
  constructor(i) { id = i; }
  function _cloned(orig) { tag = "clone of " + orig.id; }
}
local r = R(4);
local c = clone r;
print(c.id);
print(c.tag);
print(r.tag == "");
print(c == r);
