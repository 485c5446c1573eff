local a = [1, 2, 3];
try { print(a[-1]); } catch (e) { print(e); }
