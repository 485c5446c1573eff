function tokens(s) {
  local r = regexp("[a-z]+");
  local out = [];
  local pos = 0;
  while (true) {
    local m = r.search(s, pos);
    if (m == null) break;
    out.append(s.slice(m.begin, m.end));
    pos = m.end;
  }
  return out;
}
local t = tokens("hi, there: bob");
print(t.len());
foreach (w in t) print(w);
