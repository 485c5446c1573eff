class R {
  v = 1;
  constructor() { v = 2; return 42; }
}
local r = R();
print(typeof r);
print(r.v);
