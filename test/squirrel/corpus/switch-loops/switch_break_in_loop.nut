local count = 0;
for (local i = 0; i < 4; i++) {
  switch (i % 2) {
    case 0: count += 10; break;
    case 1: count += 1; break;
  }
}
print(count);
