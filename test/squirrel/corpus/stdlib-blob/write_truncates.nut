local b = blob();
b.writen(0x1FF, 'b');
b.writen(0x12345, 'w');
print(b.len());
print(b[0]);
b.seek(1);
print(format("%x", b.readn('w')));
