function level(n) { if (n == 0) throw "bottom"; return level(n - 1); }
try { level(50); } catch (e) { print(e); }
print("still running");
