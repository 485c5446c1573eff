math.srand(42);
local ok = true;
for (local i = 0; i < 100; i++) {
  local r = math.rand();
  if (typeof r != "integer" || r < 0 || r > math.RAND_MAX) ok = false;
}
print(ok);
print(typeof math.RAND_MAX);
print(math.RAND_MAX > 32766);
local dice = math.rand() % 6 + 1;
print(dice >= 1 && dice <= 6);
