function join(arr, sep) {
  local s = "";
  foreach (i, v in arr) { if (i > 0) s += sep; s += v; }
  return s;
}
print(join(split("1 2 3", " "), "+"));
print(join([], ",").len());
