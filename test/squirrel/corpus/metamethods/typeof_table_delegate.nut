local t = {};
t.setdelegate({ function _typeof() { return "special"; } });
print(typeof t);
print(type(t));
