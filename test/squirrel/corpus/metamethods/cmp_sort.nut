class Ver {
  n = 0;
  constructor(n) { this.n = n; }
  function _cmp(o) { return n <=> o.n; }
}
local a = Ver(1), b = Ver(2);
print(a < b);
print(a > b);
print(a <= Ver(1));
print(a <=> b);
local arr = [Ver(3), Ver(1), Ver(2)];
arr.sort();
print(arr[0].n + " " + arr[1].n + " " + arr[2].n);
print(a == Ver(1));
