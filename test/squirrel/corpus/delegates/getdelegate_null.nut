local t = {};
print(t.getdelegate());
t.setdelegate({});
print(typeof t.getdelegate());
t.setdelegate(null);
print(t.getdelegate());
