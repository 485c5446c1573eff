const NEG = -5;
const NEGF = -1.5;
print(NEG);
print(NEGF);
print(NEG * NEGF);
