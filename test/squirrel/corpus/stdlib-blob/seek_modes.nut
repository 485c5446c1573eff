local b = blob(10);
b.seek(3);
print(b.tell());
b.seek(2, 'c');
print(b.tell());
b.seek(-1, 'e');
print(b.tell());
b.seek(0, 'b');
print(b.tell());
