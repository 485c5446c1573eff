foreach (v in []) print("no");
foreach (k, v in {}) print("no");
foreach (c in "") print("no");
print("empty ok");
