try { print(5 % 0); } catch (e) { print(e); }
print(5.5 % 2);
