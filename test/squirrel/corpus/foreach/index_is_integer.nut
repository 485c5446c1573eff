foreach (i, v in ["p", "q"]) print(typeof i);
