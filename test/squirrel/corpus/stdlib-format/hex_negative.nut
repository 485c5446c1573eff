print(format("%x", -1));
print(format("%X", 0x7FFFFFFF + 1));
print(format("%02X%02X", 1, 171));
