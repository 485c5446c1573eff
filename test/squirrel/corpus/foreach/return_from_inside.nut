function firstNeg(arr) {
  foreach (i, v in arr) if (v < 0) return i;
  return -1;
}
print(firstNeg([3, 4, -1, -5]));
print(firstNeg([1]));
