function evens(limit) { for (local i = 0; i <= limit; i += 2) yield i; }
local total = 0;
foreach (v in evens(8)) if (v != null) total += v;
print(total);
