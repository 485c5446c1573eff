local rows = [["a", 1], ["bb", 22], ["ccc", 333]];
foreach (r in rows) print(format("%-4s|%4d|", r[0], r[1]));
