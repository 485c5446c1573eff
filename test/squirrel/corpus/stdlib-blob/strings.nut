local b = blob();
b.writestring("hello");
print(b.len());
b.seek(0);
print(b.readstring(3));
print(b.tell());
print(b.readstring(2));
print(b.eos() ? "at end" : "more");
