print("abc".tostring());
print("".len());
print("a\nb".len());
print(typeof "x".tostring());
