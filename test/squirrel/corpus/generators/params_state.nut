function counter(start, step) {
  local v = start;
  while (true) { yield v; v += step; }
}
local g = counter(10, 5);
print(resume g);
print(resume g);
print(resume g);
local h = counter(0, -1);
print(resume h);
print(resume h);
print(resume g);
