const MASK = 0xFF;
const SHIFT = 8;
print((0x1234 >> SHIFT) & MASK);
print(0x1234 & MASK);
