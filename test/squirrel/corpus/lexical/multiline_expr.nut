local x = 1 +
  2 +
  3;
print(x);
local s = "a" +
  "b";
print(s);
local arr = [
  1,
  2,
  3
];
print(arr.len());
local r = (x
  * 2);
print(r);
