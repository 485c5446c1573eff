local m = [];
for (local i = 0; i < 3; i++) {
  local row = [];
  for (local j = 0; j < 3; j++) row.append(i * 3 + j);
  m.append(row);
}
print(m[1][2]);
print(m[2][0]);
local sum = 0;
foreach (row in m) foreach (v in row) sum += v;
print(sum);
