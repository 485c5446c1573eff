local b = blob(4);
print(typeof b);
print(b.len());
print(b.tell());
print(b[0]);
b[0] = 65;
b[1] = 66;
print(b[0] + " " + b[1]);
