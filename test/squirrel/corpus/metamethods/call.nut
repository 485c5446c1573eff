class Mult {
  k = 1;
  constructor(k) { this.k = k; }
  function _call(env, x) { return x * k; }
}
local triple = Mult(3);
print(triple(5));
print(triple(-2));
