local t = { a = 1, b = 2 };
print(delete t.a);
print(t.len());
local arr = [1, 2, 3];
local copy = clone arr;
copy.append(4);
print(arr.len() + " " + copy.len());
