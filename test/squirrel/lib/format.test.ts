import { describe, expect, it } from 'vitest';
import { SqFloat, SqTable } from '../../../src/squirrel/value.js';
import type { SqValue } from '../../../src/squirrel/value.js';
import { sqFormat } from '../../../src/squirrel/lib/format.js';

const f = (v: number) => new SqFloat(v);
const fmt = (...args: SqValue[]) => sqFormat(args, 64);

describe('format', () => {
  it('integers', () => {
    expect(fmt('%d|%i|%5d|%-5d|%05d', 42, -7, 42, 42, -42)).toBe('42|-7|   42|42   |-0042');
    expect(fmt('%+d % d %+d', 5, 5, -5)).toBe('+5  5 -5');
    expect(fmt('%x %X %#x %#X %o %#o', 255, 255, 255, 0, 8, 8)).toBe('ff FF 0xff 0 10 010');
    expect(fmt('%u %x', -1, -1)).toBe('4294967295 ffffffff');
    expect(fmt('%.3d|%5.3d|%.0d|%05.3d', 7, 7, 0, 7)).toBe('007|  007||  007');
    expect(fmt('%d', -2147483648)).toBe('-2147483648');
  });
  it('%c writes one byte', () => {
    expect(fmt('%c%c%3c', 65, 0x141, 66)).toBe('AA  B');
  });
  it('a float where an integer is expected is truncated, and the other way round', () => {
    expect(fmt('%d %x', f(3.99), f(-1.5))).toBe('3 ffffffff');
    expect(fmt('%.2f %g', 3, 100)).toBe('3.00 100');
  });
  it('floats', () => {
    expect(fmt('%f|%.2f|%8.3f|%-8.1f|%08.2f', f(3.14159), f(2.675), f(-1.5), f(2.25), f(-3.5))).toBe(
      '3.141590|2.67|  -1.500|2.2     |-0003.50',
    );
    expect(fmt('%e|%.2E|%g|%G|%.3g|%#g', f(12345.678), f(0.000123), f(1e-5), f(1e20), f(1234567), f(1))).toBe(
      '1.234568e+04|1.23E-04|1e-05|1E+20|1.23e+06|1.00000',
    );
    expect(fmt('%+.1f % .1f %5.1f %05f', f(1), f(1), f(Infinity), f(NaN))).toBe('+1.0  1.0   inf   nan');
  });
  it('the device rounds integer arguments of %f to float32', () => {
    expect(sqFormat(['%.1f', 16777217], 32)).toBe('16777216.0');
  });
  it('strings', () => {
    expect(fmt('[%s][%5s][%-5s][%.2s]', 'ab', 'ab', 'ab', 'abc')).toBe('[ab][   ab][ab   ][ab]');
    expect(fmt('%s!', 'a\0b')).toBe('a!');
    expect(fmt('a\0b%s', 'c')).toBe('a\0bc');
    expect(fmt('%s %s', 12, f(0.5))).toBe('12 0.5');
    expect(fmt('100%%')).toBe('100%');
  });
  it('errors', () => {
    expect(() => fmt('%s', [])).toThrow("parameter 2 has an invalid type 'array' ; expected: 'string'");
    expect(() => fmt('%d %s', 1, null)).toThrow("parameter 3 has an invalid type 'null' ; expected: 'string'");
    expect(() => fmt('%d', 'x')).toThrow("parameter 2 has an invalid type 'string' ; expected: 'integer'");
    expect(() => fmt('%f', true)).toThrow("parameter 2 has an invalid type 'bool' ; expected: 'float'");
    expect(() => fmt('%d %d', 1)).toThrow('not enough paramters for the given format string');
    expect(() => fmt('%z', 1)).toThrow('invalid format');
    expect(() => fmt('%ld', 1)).toThrow('invalid format');
    expect(() => fmt('%*d', 1)).toThrow('invalid format');
    expect(() => fmt('abc%', 1)).toThrow('invalid format');
    expect(() => fmt('%100d', 1)).toThrow('width format too long');
    expect(() => fmt('%.100f', f(1))).toThrow('precision format too long');
    expect(() => fmt('%--------------------5d', 1)).toThrow('format too long');
    expect(() => sqFormat([new SqTable()], 32)).toThrow("parameter 1 has an invalid type 'table' ; expected: 'string'");
  });
  it('extra arguments are ignored', () => {
    expect(fmt('x', 1, 2)).toBe('x');
  });
});
