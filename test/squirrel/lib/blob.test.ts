import { describe, expect, it } from 'vitest';
import { SqClass, SqFloat, SqInstance, SqTable } from '../../../src/squirrel/value.js';
import type { SqNativeFunction, SqValue } from '../../../src/squirrel/value.js';
import { blobBytes, installBlob, isBlob, newBlob } from '../../../src/squirrel/lib/blob.js';
import { fakeHost } from './fake-host.js';

const ch = (c: string) => c.charCodeAt(0);

function setup(bits: 32 | 64 = 32) {
  const host = fakeHost(bits);
  const root = new SqTable();
  const cls = installBlob(host, root);
  const make = (...args: SqValue[]) => {
    const inst = new SqInstance(root.map.get('blob') as SqClass);
    cls.nativeConstructor!(inst, args);
    return inst;
  };
  const call = (b: SqValue, name: string, ...args: SqValue[]) =>
    (cls.members.get(name) as SqNativeFunction).impl(host, b, args);
  return { host, make, call, cls };
}

describe('blob', () => {
  it('is created zeroed, with len, tell and eos', () => {
    const { make, call } = setup();
    const b = make(4);
    expect(call(b, 'len')).toBe(4);
    expect(call(b, 'tell')).toBe(0);
    expect(call(b, 'eos')).toBe(null);
    expect([...blobBytes(b)]).toEqual([0, 0, 0, 0]);
    expect(call(make(), 'len')).toBe(0);
    expect(call(make(), 'eos')).toBe(1);
    expect(() => make(-1)).toThrow('cannot create blob with negative size');
    expect(() => make('x')).toThrow("parameter 1 has an invalid type 'string' ; expected: 'integer|float'");
  });

  it('writes and reads numbers little-endian', () => {
    const { make, call } = setup();
    const b = make();
    call(b, 'writen', 0x12345678, ch('i'));
    call(b, 'writen', -2, ch('s'));
    call(b, 'writen', 0xbeef, ch('w'));
    call(b, 'writen', -1, ch('c'));
    call(b, 'writen', 0x1ff, ch('b'));
    call(b, 'writen', new SqFloat(1.5), ch('f'));
    call(b, 'writen', new SqFloat(-0.25), ch('d'));
    expect(call(b, 'len')).toBe(4 + 2 + 2 + 1 + 1 + 4 + 8);
    expect([...blobBytes(b).subarray(0, 10)]).toEqual([0x78, 0x56, 0x34, 0x12, 0xfe, 0xff, 0xef, 0xbe, 0xff, 0xff]);
    expect(call(b, 'eos')).toBe(1);
    call(b, 'seek', 0);
    expect(call(b, 'readn', ch('i'))).toBe(0x12345678);
    expect(call(b, 'readn', ch('s'))).toBe(-2);
    expect(call(b, 'readn', ch('w'))).toBe(0xbeef);
    expect(call(b, 'readn', ch('c'))).toBe(-1);
    expect(call(b, 'readn', ch('b'))).toBe(255);
    expect((call(b, 'readn', ch('f')) as SqFloat).v).toBe(1.5);
    expect((call(b, 'readn', ch('d')) as SqFloat).v).toBe(-0.25);
    expect(() => call(b, 'readn', ch('i'))).toThrow('io error');
    expect(() => call(b, 'readn', ch('q'))).toThrow('invalid format');
    expect(() => call(b, 'writen', 1, ch('z'))).toThrow('invalid format');
  });

  it('converts between integers and floats on write, and writes zeros for other types', () => {
    const { make, call } = setup();
    const b = make();
    call(b, 'writen', new SqFloat(-3.7), ch('i'));
    call(b, 'writen', 2, ch('f'));
    call(b, 'writen', 'x', ch('w'));
    call(b, 'seek', 0);
    expect(call(b, 'readn', ch('i'))).toBe(-3);
    expect((call(b, 'readn', ch('f')) as SqFloat).v).toBe(2);
    expect(call(b, 'readn', ch('w'))).toBe(0);
  });

  it('reads a double as a device float', () => {
    const { make, call } = setup(32);
    const b = make();
    call(b, 'writen', new SqFloat(0.1), ch('d'));
    call(b, 'seek', 0);
    expect((call(b, 'readn', ch('d')) as SqFloat).v).toBe(Math.fround(0.1));
  });

  it('seeks from the start, the current position or the end', () => {
    const { make, call } = setup();
    const b = make(10);
    expect(call(b, 'seek', 4)).toBe(0);
    expect(call(b, 'seek', 2, ch('c'))).toBe(0);
    expect(call(b, 'tell')).toBe(6);
    expect(call(b, 'seek', -3, ch('e'))).toBe(0);
    expect(call(b, 'tell')).toBe(7);
    expect(call(b, 'seek', 11)).toBe(-1);
    expect(call(b, 'seek', 1, ch('e'))).toBe(-1);
    expect(call(b, 'seek', -8, ch('c'))).toBe(-1);
    expect(call(b, 'tell')).toBe(7);
    expect(call(b, 'seek', 10)).toBe(0);
    expect(call(b, 'eos')).toBe(1);
    expect(() => call(b, 'seek', 0, ch('x'))).toThrow('invalid origin');
  });

  it('overwrites in the middle and grows at the end', () => {
    const { make, call } = setup();
    const b = make(4);
    call(b, 'seek', 2);
    call(b, 'writestring', 'xyz');
    expect(call(b, 'len')).toBe(5);
    expect(call(b, 'tostring')).toBe('\0\0xyz');
  });

  it('strings and blobs in and out', () => {
    const { make, call } = setup();
    const b = make();
    call(b, 'writestring', 'hello\xff');
    call(b, 'seek', 1);
    expect(call(b, 'readstring', 3)).toBe('ell');
    expect(call(b, 'readstring', 10)).toBe('o\xff');
    expect(call(b, 'readstring', 1)).toBe('');
    call(b, 'seek', 2);
    const part = call(b, 'readblob', 100) as SqInstance;
    expect(isBlob(part)).toBe(true);
    expect(call(part, 'tostring')).toBe('llo\xff');
    expect(call(part, 'tell')).toBe(0);
    expect(() => call(b, 'readblob', 4)).toThrow('no data left to read');
    const c = make();
    call(c, 'writeblob', b);
    call(c, 'writeblob', c);
    expect(call(c, 'tostring')).toBe('hello\xffhello\xff');
    expect(() => call(c, 'writeblob', 5)).toThrow("parameter 1 has an invalid type 'integer' ; expected: 'instance'");
    expect(() => call(c, 'writeblob', new SqInstance(new SqClass(null, 'other')))).toThrow('invalid parameter');
  });

  it('indexing, foreach and clone metamethods', () => {
    const { make, call } = setup();
    const b = make(3);
    expect(call(b, '_set', 1, 0x1ab)).toBe(0x1ab);
    expect(call(b, '_get', 1)).toBe(0xab);
    expect(() => call(b, '_get', 3)).toThrow('index out of range');
    expect(() => call(b, '_get', -1)).toThrow('index out of range');
    expect(() => call(b, '_set', 3, 0)).toThrow('index out of range');
    const keys: SqValue[] = [];
    for (let k = call(b, '_nexti', null); k !== null; k = call(b, '_nexti', k)) keys.push(k);
    expect(keys).toEqual([0, 1, 2]);
    expect(call(make(), '_nexti', null)).toBe(null);
    expect(call(b, '_typeof')).toBe('blob');
    const copy = new SqInstance(b.cls);
    call(copy, '_cloned', b);
    call(copy, '_set', 0, 9);
    expect([...blobBytes(copy)]).toEqual([9, 0xab, 0]);
    expect([...blobBytes(b)]).toEqual([0, 0xab, 0]);
  });

  it('resize sets the allocation: shrinking cuts, growing keeps len()', () => {
    const { make, call, host } = setup();
    const b = make(8);
    expect(host.allocated).toBe(8);
    call(b, 'seek', 8);
    call(b, 'resize', 4);
    expect(call(b, 'len')).toBe(4);
    expect(call(b, 'tell')).toBe(4);
    call(b, 'resize', 100);
    expect(call(b, 'len')).toBe(4);
    expect(host.allocated).toBe(100);
    expect(() => call(b, 'resize', -1)).toThrow('resize failed');
  });

  it('swap2 and swap4 swap whole groups only', () => {
    const { host, call } = setup();
    const b = newBlob(host, Uint8Array.from([1, 2, 3, 4, 5, 6, 7]));
    call(b, 'swap2');
    expect([...blobBytes(b)]).toEqual([2, 1, 4, 3, 6, 5, 7]);
    call(b, 'swap4');
    expect([...blobBytes(b)]).toEqual([3, 4, 1, 2, 6, 5, 7]);
  });

  it('methods on a non-blob instance fail cleanly', () => {
    const { call, cls } = setup();
    expect(() => call(new SqInstance(cls), 'len')).toThrow('the blob is invalid');
    expect(() => call(5, 'len')).toThrow('invalid type tag');
  });
});
