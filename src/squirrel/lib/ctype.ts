// C <ctype.h> in the "C" locale, on byte values: only ASCII letters, digits and
// spaces count, as in the imp's C library (so byte 0xA0 is not a space).

export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isUpper = (c: number) => c >= 65 && c <= 90;
export const isLower = (c: number) => c >= 97 && c <= 122;
export const isAlpha = (c: number) => isUpper(c) || isLower(c);
export const isAlnum = (c: number) => isAlpha(c) || isDigit(c);
export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
export const isXDigit = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
export const isCntrl = (c: number) => c < 32 || c === 127;
export const isPrint = (c: number) => c >= 32 && c < 127;
export const isPunct = (c: number) => isPrint(c) && c !== 32 && !isAlnum(c);
