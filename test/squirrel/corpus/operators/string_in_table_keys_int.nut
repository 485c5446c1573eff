local t = { [1] = "int", ["1"] = "str" };
print(t[1] + " " + t["1"]);
print(t.len());
