for (local i = 0, j = 5; i < j; i++, j--) print(i + " " + j);
