local seen = {};
foreach (w in ["a", "b", "a", "c", "b", "a"]) {
  if (w in seen) seen[w]++;
  else seen[w] <- 1;
}
local keys = [];
foreach (k, v in seen) keys.append(k + v);
keys.sort();
print(keys[0] + " " + keys[1] + " " + keys[2]);
