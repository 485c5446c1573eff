math.srand(7);
local a = [math.rand(), math.rand(), math.rand()];
math.srand(7);
local b = [math.rand(), math.rand(), math.rand()];
print(a[0] == b[0] && a[1] == b[1] && a[2] == b[2]);
