enum Mixed { A = 5, B, C = 10, D }
print(Mixed.A);
print(Mixed.B);
print(Mixed.C);
print(Mixed.D);
