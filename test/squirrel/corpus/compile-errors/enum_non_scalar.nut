local v = 1;
enum E { A = v }
