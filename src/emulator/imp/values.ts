// Squirrel values at the imp API's boundaries: natives and tables built from
// JS, blobs read and made with the blob library's helpers, the deep copy of a
// message (a "portable" value, independent of any VM), JSON and URL encoding.
import { createHash, createHmac } from 'node:crypto';
import {
  bytesToUtf8,
  rtError,
  SqClass,
  SqFloat,
  SqInstance,
  SqNativeFunction,
  SqTable,
  SqWeakRef,
  utf8ToBytes,
  type SqValue,
} from '../../squirrel/value.js';
import { blobBytes as libBlobBytes, isBlob as libIsBlob, newBlob } from '../../squirrel/lib/blob.js';
import type { LibHost } from '../../squirrel/lib/host.js';
import { paramTypeError, typeName } from '../../squirrel/lib/args.js';
import type { HostVM } from './engine.js';

export type Native = (args: SqValue[], self: SqValue) => SqValue | void;

export function nat(name: string, impl: Native): SqNativeFunction {
  return new SqNativeFunction(name, (_vm, self, args) => {
    const r = impl(args, self);
    return r === undefined ? null : r;
  });
}

/** A table of natives and plain values (nested JS objects become tables). */
export function tbl(entries: Record<string, SqValue | Native | Record<string, unknown>>): SqTable {
  const t = new SqTable();
  for (const [k, v] of Object.entries(entries)) {
    if (typeof v === 'function') t.map.set(k, nat(k, v as Native));
    else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      t.map.set(k, tbl(v as Record<string, SqValue | Native>));
    } else t.map.set(k, v as SqValue);
  }
  return t;
}


export const isFunction = (v: SqValue): boolean => typeName(v) === 'function';

function badType(i: number, v: SqValue, expected: string): never {
  throw paramTypeError(i, v, expected);
}

export function argString(args: SqValue[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') badType(i, v ?? null, 'string');
  return v;
}

export function argNumber(args: SqValue[], i: number): number {
  const v = args[i];
  if (typeof v === 'number') return v;
  if (v instanceof SqFloat) return v.v;
  return badType(i, v ?? null, 'integer|float');
}

export function argFunction(args: SqValue[], i: number, nullable = false): SqValue {
  const v = args[i] ?? null;
  if (v === null && nullable) return null;
  if (!isFunction(v)) badType(i, v, 'closure|nativeclosure');
  return v;
}

export function argTable(args: SqValue[], i: number, optional = false): SqTable | null {
  const v = args[i] ?? null;
  if (v === null && optional) return null;
  if (!(v instanceof SqTable)) return badType(i, v, 'table');
  return v;
}

export function checkArgs(args: SqValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) throw rtError('wrong number of parameters');
}

export const truthy = (v: SqValue): boolean => !(v === null || v === false || v === 0 || (v instanceof SqFloat && v.v === 0));

export const float = (v: number, bits: 32 | 64): SqFloat => new SqFloat(bits === 32 ? Math.fround(v) : v);

export function toNumber(v: SqValue): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof SqFloat) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

// ---- blobs ------------------------------------------------------------------

function member(cls: SqClass, name: string): SqValue | undefined {
  for (let c: SqClass | null = cls; c; c = c.base) {
    if (c.members.has(name)) return c.members.get(name);
  }
  return undefined;
}

/** Whether a value is a blob (the library's blob class, src/squirrel/lib/blob.ts). */
export const isBlob = libIsBlob;

/** The bytes of a blob as a byte string (its read/write pointer is not touched). */
export function blobBytes(blob: SqInstance): string {
  const b = libBlobBytes(blob);
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
}

/** A new blob of this VM holding `bytes`, its pointer at 0. */
export function makeBlob(vm: HostVM, bytes: string): SqValue {
  return newBlob(vm as unknown as LibHost, Buffer.from(bytes, 'latin1'));
}

/** A string argument or a blob's bytes. */
export function bytesOf(vm: HostVM, v: SqValue, i: number): string {
  if (typeof v === 'string') return v;
  if (isBlob(v)) return blobBytes(v);
  return badType(i, v, 'string|blob');
}

// ---- portable values (messages, nv, server.save) -----------------------------

/** A deep copy of a message payload, independent of the VM it came from. */
export type Portable =
  | null
  | boolean
  | number
  | string
  | { f: number }
  | { b: string }
  | { a: Portable[] }
  | { t: [Portable, Portable][] };

export function toPortable(vm: HostVM, v: SqValue, seen = new Set<unknown>()): Portable {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof SqFloat) return { f: v.v };
  if (isBlob(v)) return { b: blobBytes(v) };
  if (Array.isArray(v) || v instanceof SqTable) {
    if (seen.has(v)) throw rtError('cannot serialize a value that contains itself');
    seen.add(v);
    const out: Portable = Array.isArray(v)
      ? { a: v.map((x) => toPortable(vm, x, seen)) }
      : { t: [...v.map].map(([k, x]) => [toPortable(vm, k as SqValue, seen), toPortable(vm, x, seen)] as [Portable, Portable]) };
    seen.delete(v);
    return out;
  }
  throw rtError(`cannot serialize a value of type '${typeName(v)}'`);
}

export function fromPortable(vm: HostVM, p: Portable, floatBits: 32 | 64): SqValue {
  if (p === null || typeof p !== 'object') return p;
  if ('f' in p) return float(p.f, floatBits);
  if ('b' in p) return makeBlob(vm, p.b);
  if ('a' in p) return p.a.map((x) => fromPortable(vm, x, floatBits));
  const t = new SqTable();
  for (const [k, x] of p.t) t.map.set(fromPortable(vm, k, floatBits), fromPortable(vm, x, floatBits));
  return t;
}

/** Plain JSON view of a portable value (admin routes). */
export function portableToJson(p: Portable): unknown {
  if (p === null || typeof p !== 'object') return typeof p === 'string' ? bytesToUtf8(p) : p;
  if ('f' in p) return p.f;
  if ('b' in p) return { blob: Buffer.from(p.b, 'latin1').toString('base64') };
  if ('a' in p) return p.a.map(portableToJson);
  return Object.fromEntries(p.t.map(([k, x]) => [String(portableToJson(k)), portableToJson(x)]));
}

// ---- JSON -------------------------------------------------------------------

function jsonNumber(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '1e+999' : v < 0 ? '-1e+999' : '0';
  return String(v);
}

/** http.jsonencode: a byte string of JSON. */
export function jsonEncode(vm: HostVM, v: SqValue, seen = new Set<unknown>()): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return utf8ToBytes(JSON.stringify(bytesToUtf8(v)));
  if (v instanceof SqFloat) return jsonNumber(v.v);
  if (isBlob(v)) return utf8ToBytes(JSON.stringify(bytesToUtf8(blobBytes(v))));
  if (seen.has(v)) throw rtError('cannot encode a value that contains itself');
  seen.add(v);
  try {
    if (Array.isArray(v)) return `[${v.map((x) => jsonEncode(vm, x, seen)).join(',')}]`;
    if (v instanceof SqTable) {
      const parts: string[] = [];
      for (const [k, x] of v.map) {
        const key = typeof k === 'string' ? k : vm.tostring(k as SqValue);
        parts.push(`${utf8ToBytes(JSON.stringify(bytesToUtf8(key)))}:${jsonEncode(vm, x, seen)}`);
      }
      return `{${parts.join(',')}}`;
    }
    if (v instanceof SqInstance) {
      const ser = member(v.cls, '_serialize') ?? member(v.cls, '_serializeRaw');
      if (ser !== undefined) return jsonEncode(vm, vm.call(ser, v, []), seen);
      const t = new SqTable();
      for (const [k, x] of v.fields) if (!isFunction(x)) t.map.set(k, x);
      return jsonEncode(vm, t, seen);
    }
  } finally {
    seen.delete(v);
  }
  throw rtError(`cannot encode a value of type '${typeName(v)}' as JSON`);
}

/** http.jsondecode. */
export function jsonDecode(text: string, floatBits: 32 | 64): SqValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytesToUtf8(text));
  } catch (e) {
    throw rtError(`JSON parse error: ${(e as Error).message}`);
  }
  const conv = (x: unknown): SqValue => {
    if (x === null || typeof x === 'boolean') return x;
    if (typeof x === 'number') return Number.isInteger(x) && x >= -2147483648 && x <= 2147483647 ? x : float(x, floatBits);
    if (typeof x === 'string') return utf8ToBytes(x);
    if (Array.isArray(x)) return x.map(conv);
    const t = new SqTable();
    for (const [k, y] of Object.entries(x as Record<string, unknown>)) t.map.set(utf8ToBytes(k), conv(y));
    return t;
  };
  return conv(parsed);
}

// ---- URL, base64, hashes ------------------------------------------------------

const enc = (bytes: string) => encodeURIComponent(bytesToUtf8(bytes));

export function urlEncode(vm: HostVM, t: SqTable): string {
  const parts: string[] = [];
  for (const [k, v] of t.map) {
    const key = typeof k === 'string' ? k : vm.tostring(k as SqValue);
    const value = typeof v === 'string' ? v : vm.tostring(v);
    parts.push(`${enc(key)}=${enc(value)}`);
  }
  return parts.join('&');
}

export function urlDecode(s: string): SqTable {
  const t = new SqTable();
  for (const part of s.split('&')) {
    if (part === '') continue;
    const i = part.indexOf('=');
    const k = i < 0 ? part : part.slice(0, i);
    const v = i < 0 ? '' : part.slice(i + 1);
    t.map.set(decodeComponent(k), decodeComponent(v));
  }
  return t;
}

function decodeComponent(s: string): string {
  try {
    return utf8ToBytes(decodeURIComponent(bytesToUtf8(s).replace(/\+/g, ' ')));
  } catch {
    return s;
  }
}

export const base64Encode = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('base64');
export const base64Decode = (s: string): string => Buffer.from(s, 'base64').toString('latin1');

export function digest(alg: 'sha256' | 'sha1' | 'md5' | 'sha512', bytes: string, key?: string): string {
  const data = Buffer.from(bytes, 'latin1');
  const h = key === undefined ? createHash(alg).update(data) : createHmac(alg, Buffer.from(key, 'latin1')).update(data);
  return h.digest().toString('latin1');
}
