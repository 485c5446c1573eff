local b = blob();
b.writestring("abcdef");
b.seek(2);
b.writestring("XY");
print(b.tostring());
print(b.len());
print(b.tell());
