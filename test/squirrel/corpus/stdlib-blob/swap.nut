local b = blob();
b.writen(0x1122, 'w');
b.swap2();
print(format("%02x %02x", b[0], b[1]));
local c = blob();
c.writen(0x11223344, 'i');
c.swap4();
c.seek(0);
print(format("%08x", c.readn('i')));
