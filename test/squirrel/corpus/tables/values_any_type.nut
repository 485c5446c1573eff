local t = { n = null, f = function() { return "f"; }, arr = [1], sub = {} };
print(t.n);
print("n" in t);
print(t.f());
print(t.arr[0]);
print(typeof t.sub);
