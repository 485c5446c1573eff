function isEven(n) { return n == 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n == 0 ? false : isEven(n - 1); }
print(isEven(10));
print(isOdd(7));
print(isEven(3));
