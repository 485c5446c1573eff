import { describe, expect, it } from 'vitest';
import { SqInstance, SqTable } from '../../../src/squirrel/value.js';
import type { SqClass, SqNativeFunction, SqValue } from '../../../src/squirrel/value.js';
import { escape, installString, lstrip, rstrip, split, strip } from '../../../src/squirrel/lib/strings.js';
import { callRoot, fakeHost, plain } from './fake-host.js';

describe('split', () => {
  it('every separator byte splits and empty tokens are dropped', () => {
    expect(split('a,b;c', ',;')).toEqual(['a', 'b', 'c']);
    expect(split(',,a,,b,', ',')).toEqual(['a', 'b']);
    expect(split('', ',')).toEqual([]);
    expect(split(',,,', ',')).toEqual([]);
    expect(split('abc', 'x')).toEqual(['abc']);
    expect(split('a b\0c d', ' ')).toEqual(['a', 'b']);
  });
  it('refuses empty separators', () => {
    expect(() => split('abc', '')).toThrow('empty separators string');
  });
});

describe('strip, lstrip, rstrip, escape', () => {
  it('strip C whitespace only', () => {
    expect(strip(' \t\n\v\f\rab c \n')).toBe('ab c');
    expect(strip('   ')).toBe('');
    expect(strip('\xa0a\xa0')).toBe('\xa0a\xa0');
    expect(lstrip('  a  ')).toBe('a  ');
    expect(rstrip('  a  ')).toBe('  a');
    expect(rstrip('')).toBe('');
  });
  it('escape', () => {
    expect(escape('a"b\'c\\')).toBe('a\\"b\\\'c\\\\');
    expect(escape('\n\t\0\xff')).toBe('\\x0a\\x09\\0\\xff');
  });
});

describe('installString', () => {
  const host = fakeHost(32);
  const root = new SqTable();
  installString(host, root);
  const construct = (name: string, ...args: SqValue[]) => {
    const cls = root.map.get(name) as SqClass;
    const inst = new SqInstance(cls);
    cls.nativeConstructor!(inst, args);
    return inst;
  };
  const call = (inst: SqInstance, name: string, ...args: SqValue[]) =>
    (inst.cls.members.get(name) as SqNativeFunction).impl(host, inst, args);

  it('registers the root functions', () => {
    expect(callRoot(host, root, 'format', '%d-%s', 1, 'x')).toBe('1-x');
    expect(callRoot(host, root, 'split', 'a b', ' ')).toEqual(['a', 'b']);
    expect(callRoot(host, root, 'startswith', 'abc', 'ab')).toBe(true);
    expect(callRoot(host, root, 'endswith', 'abc', 'ab')).toBe(false);
    expect(() => callRoot(host, root, 'strip', 5)).toThrow("parameter 1 has an invalid type 'integer' ; expected: 'string'");
    expect(() => callRoot(host, root, 'split', 'a', null)).toThrow("parameter 2 has an invalid type 'null' ; expected: 'string'");
  });

  it('regexp instances', () => {
    const r = construct('regexp', '(\\d+)-(\\d+)');
    expect(call(r, 'match', '12-34')).toBe(true);
    expect(plain(call(r, 'search', 'ab 12-34'))).toEqual({ begin: 3, end: 8 });
    expect(call(r, 'search', 'nothing')).toBe(null);
    expect((call(r, 'capture', 'x1-2', 1) as SqValue[]).map(plain)).toEqual([
      { begin: 1, end: 4 },
      { begin: 1, end: 2 },
      { begin: 3, end: 4 },
    ]);
    expect(call(r, 'subexpcount')).toBe(3);
    expect(call(r, '_typeof')).toBe('regexp');
    expect(() => construct('regexp', '(')).toThrow('letter expected');
    expect(() => construct('regexp', 1)).toThrow("parameter 1 has an invalid type 'integer' ; expected: 'string'");
    expect(() => call(r, 'match', 1)).toThrow("parameter 1 has an invalid type 'integer' ; expected: 'string'");
  });

  it('regexp2 instances, and no regexp2 when the host leaves it out', () => {
    const r = construct('regexp2', 'a+?');
    expect(plain(call(r, 'search', 'baa'))).toEqual({ begin: 1, end: 2 });
    expect(call(r, '_typeof')).toBe('regexp2');
    const deviceRoot = new SqTable();
    installString(host, deviceRoot, { regexp2: false });
    expect(deviceRoot.map.has('regexp2')).toBe(false);
    expect(deviceRoot.map.has('regexp')).toBe(true);
  });
});
