print(true + 1);
