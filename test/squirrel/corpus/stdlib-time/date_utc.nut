local d = date(1700000000, 'u');
print(d.year);
print(d.month);
print(d.day);
print(d.hour);
print(d.min);
print(d.sec);
print(d.wday);
print(d.yday);
