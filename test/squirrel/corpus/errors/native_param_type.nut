try { "abc".find(5); } catch (e) { print(e); }
