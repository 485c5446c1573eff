local i = 0;
local odd = 0;
while (i < 10) {
  i++;
  if (i % 2 == 0) continue;
  odd += i;
}
print(odd);
