local fns = [];
foreach (v in ["a", "b"]) fns.append(function() { return v; });
print(fns[0]() + fns[1]());
