local t = time();
print(typeof t);
print(t);
