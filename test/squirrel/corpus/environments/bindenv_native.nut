local arr = [3, 1, 2];
local pushTo = arr.append.bindenv(arr);
pushTo(9);
print(arr.len());
print(arr[3]);
