try { local g = 1; resume g; } catch (e) { print(e); }
