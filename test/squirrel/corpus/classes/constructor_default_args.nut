class P {
  a = null; b = null;
  constructor(a, b = "dflt") { this.a = a; this.b = b; }
}
local p = P(1);
print(p.a + " " + p.b);
local q = P(1, 2);
print(q.b);
P();
