local d = date(0, 'u');
print(d.year + " " + d.month + " " + d.day + " " + d.hour + " " + d.wday + " " + d.yday);
local leap = date(951782400, 'u');
print(leap.month + "/" + leap.day);
