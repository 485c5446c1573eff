local words = ["delta", "Alpha", "charlie", "bravo", "Echo"];
words.sort();
local s = "";
foreach (w in words) s += w + " ";
print(s);
words.sort(function(a, b) { return a.tolower() <=> b.tolower(); });
print(words[0] + " " + words[4]);
