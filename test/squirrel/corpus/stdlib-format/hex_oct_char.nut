print(format("%x", 255));
print(format("%X", 255));
print(format("%08x", 48879));
print(format("%o", 8));
print(format("%c", 65));
print(format("%#x", 255));
