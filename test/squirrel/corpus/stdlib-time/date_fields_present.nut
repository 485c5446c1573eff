local d = date(1700000000, 'u');
local keys = [];
foreach (k, v in d) keys.append(k);
keys.sort();
local want = ["day", "hour", "min", "month", "sec", "wday", "yday", "year"];
local ok = true;
foreach (w in want) if (keys.find(w) == null) ok = false;
print(ok);
