for (local i = 0; i < 3; i++) {
  for (local j = 0; j < 3; j++) {
    if (j == 1) break;
    print(i + "," + j);
  }
}
