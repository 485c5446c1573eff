local x = 10;
x += 5; print(x);
x -= 3; print(x);
x *= 2; print(x);
x /= 5; print(x);
x %= 3; print(x);
local y = 1;
y += 0.5; print(y);
print(typeof y);
