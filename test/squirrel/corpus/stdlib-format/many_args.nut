print(format("%s-%s-%s %d/%d", "a", "b", "c", 1, 2));
print(format("%3d%%", 7));
print(format("%c%c", 'o', 'k'));
