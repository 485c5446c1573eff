local s = "";
for (local i = 0; i < 5; i++) {
  switch (i) {
    case 1:
    case 3:
      continue;
    default:
      s += i;
  }
  s += ".";
}
print(s);
