local names = ["print", "error", "array", "assert", "type", "getroottable", "getconsttable", "format", "split", "strip", "regexp", "blob", "math", "time", "date", "clock"];
local missing = [];
foreach (n in names) if (!(n in getroottable())) missing.append(n);
print(missing.len());
