import { describe, expect, it } from 'vitest';
import {
  floatToInt,
  floatToString,
  formatFloat,
  stringToFloat,
  stringToInteger,
  strtod,
  strtol,
} from '../../../src/squirrel/lib/number-format.js';

describe('floatToString (%g, 6 significant digits)', () => {
  it.each([
    [1, 32, '1'],
    [0.1 + 0.2, 64, '0.3'],
    [0.1, 32, '0.1'],
    [5.1, 32, '5.1'],
    [1e10, 32, '1e+10'],
    [1.5e-7, 64, '1.5e-07'],
    [0.0001, 64, '0.0001'],
    [0.00001, 64, '1e-05'],
    [100000, 64, '100000'],
    [1234567, 64, '1.23457e+06'],
    [123456.5, 64, '123456'], // exact tie rounds half to even
    [999999.5, 64, '1e+06'],
    [3.14159265, 32, '3.14159'],
    [-1.25e-5, 64, '-1.25e-05'],
    [1e100, 64, '1e+100'],
    [5e-324, 64, '4.94066e-324'],
    [1.7976931348623157e308, 64, '1.79769e+308'],
    [-0, 64, '-0'],
    [Infinity, 32, 'inf'],
    [-Infinity, 32, '-inf'],
    [NaN, 32, 'nan'],
  ] as const)('%s (%i bits) → %s', (v, bits, text) => {
    expect(floatToString(v, bits)).toBe(text);
  });

  it('prints the float32 value on the device', () => {
    expect(floatToString(16777217, 32)).toBe('1.67772e+07');
    expect(floatToString(0.1 + 0.2, 32)).toBe('0.3');
  });
});

describe('formatFloat (C printf conversions)', () => {
  it('rounds exact ties half to even like C', () => {
    expect(formatFloat(0.125, 'f', 2, false)).toBe('0.12');
    expect(formatFloat(0.375, 'f', 2, false)).toBe('0.38');
    expect(formatFloat(2.5, 'f', 0, false)).toBe('2');
    expect(formatFloat(1.5, 'f', 0, false)).toBe('2');
    expect(formatFloat(0.5, 'f', 0, false)).toBe('0');
  });
  it('carries into a new digit', () => {
    expect(formatFloat(9.96, 'f', 1, false)).toBe('10.0');
    expect(formatFloat(9.9999999, 'e', 2, false)).toBe('1.00e+01');
    expect(formatFloat(0.007, 'f', 0, false)).toBe('0');
    expect(formatFloat(0.7, 'f', 0, false)).toBe('1');
  });
  it('%e and %g forms', () => {
    expect(formatFloat(123.456, 'e', 3, false)).toBe('1.235e+02');
    expect(formatFloat(0, 'e', 2, false)).toBe('0.00e+00');
    expect(formatFloat(1, 'e', 0, false)).toBe('1e+00');
    expect(formatFloat(1, 'e', 0, true)).toBe('1.e+00');
    expect(formatFloat(0, 'g', 6, false)).toBe('0');
    expect(formatFloat(0, 'g', 6, true)).toBe('0.00000');
    expect(formatFloat(1, 'g', 3, true)).toBe('1.00');
    expect(formatFloat(1e-5, 'G', 6, false)).toBe('1E-05');
    expect(formatFloat(123456789, 'g', 0, false)).toBe('1e+08');
    expect(formatFloat(1, 'f', 0, true)).toBe('1.');
    expect(formatFloat(-Infinity, 'E', 6, false)).toBe('-INF');
    expect(formatFloat(1e20, 'f', 2, false)).toBe('100000000000000000000.00');
  });
});

describe('parsing', () => {
  it('strtol', () => {
    expect(strtol(' -12abc', 10)).toBe(-12);
    expect(strtol('0x1F', 16)).toBe(31);
    expect(strtol('ff', 16)).toBe(255);
    expect(strtol('0x', 16)).toBe(0);
    expect(strtol('99999999999', 10)).toBe(2147483647);
    expect(strtol('-99999999999', 10)).toBe(-2147483648);
    expect(strtol('-2147483648', 10)).toBe(-2147483648);
    expect(strtol('abc', 10)).toBe(null);
    expect(strtol('+', 10)).toBe(null);
  });
  it('strtod', () => {
    expect(strtod('1.5e3x')).toBe(1500);
    expect(strtod('.5')).toBe(0.5);
    expect(strtod('5.')).toBe(5);
    expect(strtod('-inf')).toBe(-Infinity);
    expect(strtod('nan')).toBeNaN();
    expect(strtod('0x1.8p1')).toBe(3);
    expect(strtod('.')).toBe(null);
  });
  it('string.tointeger / tofloat follow str2num of 3.0.4', () => {
    expect(stringToInteger('42', undefined, 32)).toBe(42);
    expect(stringToInteger('3.7', undefined, 32)).toBe(3);
    expect(stringToInteger('12ab', undefined, 32)).toBe(12);
    expect(stringToInteger('ff', 16, 32)).toBe(255);
    expect(stringToFloat('1e3', 64).v).toBe(1); // no '.', read by strtol
    expect(stringToFloat('1.5', 64).v).toBe(1.5);
    expect(stringToFloat('0.1', 32).v).toBe(Math.fround(0.1));
    expect(() => stringToInteger('abc', undefined, 32)).toThrow('cannot convert the string');
    expect(() => stringToFloat('', 32)).toThrow('cannot convert the string');
  });
  it('floatToInt truncates and saturates', () => {
    expect(floatToInt(-3.9)).toBe(-3);
    expect(floatToInt(1e10)).toBe(2147483647);
    expect(floatToInt(NaN)).toBe(0);
  });
});
