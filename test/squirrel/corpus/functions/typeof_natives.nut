print(typeof print);
print(typeof [].append);
print(typeof "".len);
print(typeof math.sqrt);
