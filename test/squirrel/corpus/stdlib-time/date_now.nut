local d = date();
print(d.year + "-" + (d.month + 1) + "-" + d.day);
print(d.hour + ":" + d.min + ":" + d.sec);
print(d.time);
print(d.usec);
