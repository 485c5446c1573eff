local c = clock();
print(typeof c);
print(c >= 0);
