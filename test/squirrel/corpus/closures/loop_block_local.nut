local fns = [];
for (local i = 0; i < 3; i++) {
  local j = i;
  fns.append(function() { return j; });
}
foreach (f in fns) print(f());
