print("a\tb");
print("line1\nline2");
print("quote\"q");
print("back\\slash");
print("\x41\x42!");
print("a\0b".len());
print("single'quote");
print("\r".len());
