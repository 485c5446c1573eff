function memo(fn) {
  local cache = {};
  return function(n) {
    if (n in cache) return cache[n];
    local v = fn(n);
    cache[n] <- v;
    return v;
  };
}
local calls = 0;
local slowSquare = memo(function(n) { calls++; return n * n; });
print(slowSquare(4));
print(slowSquare(4));
print(slowSquare(5));
print(calls);
