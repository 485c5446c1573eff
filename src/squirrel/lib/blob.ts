// The blob class: a growable byte buffer with a read/write pointer, as
// sqstdblob/sqstdstream of Squirrel 3.0.4 plus the imp's additions
// (readstring, writestring, tostring). Numbers are stored little-endian.

import { SqClass, SqInstance, SqNativeFunction, rtError } from '../value.js';
import type { NativeImpl, SqTable, SqValue } from '../value.js';
import { argInt, argString, argTypeError, isNumber, numberOf } from './args.js';
import type { LibHost } from './host.js';
import { floatToInt, sqFloat } from './number-format.js';

/** The host data of a blob instance. `buf.length` is the allocation, `size` the bytes in use. */
export class BlobData {
  buf: Uint8Array;
  size: number;
  ptr = 0;

  constructor(
    size: number,
    private readonly host: LibHost,
  ) {
    host.allocate?.(size);
    this.buf = new Uint8Array(size);
    this.size = size;
  }

  /** Sets the allocation (blob.resize): shrinking cuts the data, growing leaves len() as it is. */
  resize(n: number): void {
    if (n === this.buf.length) return;
    this.host.allocate?.(n - this.buf.length);
    const next = new Uint8Array(n);
    next.set(this.buf.subarray(0, Math.min(n, this.size)));
    this.buf = next;
    if (this.size > n) this.size = n;
    if (this.ptr > n) this.ptr = n;
  }

  /** Writes at the pointer, growing like SQBlob (at least doubling the allocation). */
  write(bytes: Uint8Array): void {
    const end = this.ptr + bytes.length;
    if (end > this.size) {
      if (end > this.buf.length) this.resize(Math.max(end, this.size * 2));
      this.size = end;
    }
    this.buf.set(bytes, this.ptr);
    this.ptr = end;
  }

  /** Reads up to n bytes from the pointer (fewer at the end). */
  read(n: number): Uint8Array {
    const count = Math.max(0, Math.min(n, this.size - this.ptr));
    const out = this.buf.slice(this.ptr, this.ptr + count);
    this.ptr += count;
    return out;
  }

  /** 0 on success, -1 (pointer unchanged) when the target is outside 0..len(). */
  seek(offset: number, origin: 'b' | 'c' | 'e'): number {
    const base = origin === 'b' ? 0 : origin === 'c' ? this.ptr : this.size;
    const target = base + offset;
    if (target < 0 || target > this.size) return -1;
    this.ptr = target;
    return 0;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.size);
  }
}

/** Byte width and codec of each readn/writen type code. */
const NUMBER_TYPES: Record<string, number> = { b: 1, c: 1, w: 2, s: 2, i: 4, f: 4, d: 8 };

const blobClasses = new WeakMap<object, SqClass>();

export function isBlob(v: SqValue): v is SqInstance {
  return v instanceof SqInstance && v.native instanceof BlobData;
}

/** The bytes in use of a blob (a view: writes show in the blob). */
export function blobBytes(v: SqInstance): Uint8Array {
  return (v.native as BlobData).bytes();
}

/** A new blob instance holding a copy of `bytes`, in the VM whose blob class installBlob created. */
export function newBlob(vm: LibHost, bytes: Uint8Array): SqInstance {
  const cls = blobClasses.get(vm);
  if (!cls) throw new Error('installBlob has not run for this VM');
  const inst = new SqInstance(cls);
  const data = new BlobData(bytes.length, vm);
  data.buf.set(bytes);
  inst.native = data;
  return inst;
}

function blobOf(self: SqValue): BlobData {
  if (!(self instanceof SqInstance)) throw rtError('invalid type tag');
  if (!(self.native instanceof BlobData)) throw rtError('the blob is invalid');
  return self.native;
}

/** A byte string's bytes. */
export function bytesOfString(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Bytes as a byte string. */
export function stringOfBytes(b: Uint8Array): string {
  let s = '';
  // Chunked: String.fromCharCode(...) has an argument-count limit.
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

function typeCode(args: SqValue[], index: number): string {
  const code = argInt(args, index);
  const t = String.fromCharCode(code & 0xff);
  if (code < 0 || code > 0xff || !(t in NUMBER_TYPES)) throw rtError('invalid format');
  return t;
}

function encodeNumber(v: SqValue, t: string): Uint8Array {
  const out = new Uint8Array(NUMBER_TYPES[t]!);
  // The imp writes zeros for a value that is not a number (developer.electricimp.com, blob.writen).
  if (!isNumber(v)) return out;
  const view = new DataView(out.buffer);
  const n = numberOf(v);
  const i = typeof v === 'number' ? v : floatToInt(n);
  switch (t) {
    case 'b':
    case 'c':
      view.setUint8(0, i & 0xff);
      break;
    case 'w':
    case 's':
      view.setUint16(0, i & 0xffff, true);
      break;
    case 'i':
      view.setInt32(0, i, true);
      break;
    case 'f':
      view.setFloat32(0, n, true);
      break;
    case 'd':
      view.setFloat64(0, n, true);
      break;
  }
  return out;
}

function decodeNumber(b: Uint8Array, t: string, bits: 32 | 64): SqValue {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (t) {
    case 'b':
      return view.getUint8(0);
    case 'c':
      return view.getInt8(0);
    case 'w':
      return view.getUint16(0, true);
    case 's':
      return view.getInt16(0, true);
    case 'i':
      return view.getInt32(0, true);
    case 'f':
      return sqFloat(view.getFloat32(0, true), bits);
    default:
      return sqFloat(view.getFloat64(0, true), bits);
  }
}

/** Swaps each complete group of `width` bytes in place (swap2/swap4). */
function swapBytes(data: BlobData, width: number): void {
  const b = data.bytes();
  for (let i = 0; i + width <= b.length; i += width) b.subarray(i, i + width).reverse();
}

/** Registers the blob class in `root` and returns it. */
export function installBlob(vm: LibHost, root: SqTable): SqClass {
  const cls = new SqClass(null, 'blob');
  const method = (name: string, nparams: number, impl: (data: BlobData, args: SqValue[], self: SqValue) => SqValue) => {
    const native: NativeImpl = (_vm, self, args) => impl(blobOf(self), args, self);
    cls.members.set(name, new SqNativeFunction(name, native, nparams));
  };

  cls.nativeConstructor = (inst, args) => {
    const size = args.length > 0 ? argInt(args, 0) : 0;
    if (size < 0) throw rtError('cannot create blob with negative size');
    inst.native = new BlobData(size, vm);
  };

  method('len', 0, (d) => d.size);
  method('tell', 0, (d) => d.ptr);
  method('eos', 0, (d) => (d.ptr === d.size ? 1 : null));
  // sqstdstream pushes 1 when Flush() returns 0, which a blob always does.
  method('flush', 0, () => 1);
  method('resize', 1, (d, args) => {
    const n = argInt(args, 0);
    if (n < 0) throw rtError('resize failed');
    d.resize(n);
    return null;
  });
  method('seek', -2, (d, args) => {
    const offset = argInt(args, 0);
    let origin: 'b' | 'c' | 'e' = 'b';
    if (args.length > 1) {
      const o = String.fromCharCode(argInt(args, 1));
      if (o !== 'b' && o !== 'c' && o !== 'e') throw rtError('invalid origin');
      origin = o;
    }
    return d.seek(offset, origin);
  });
  method('readn', 1, (d, args) => {
    const t = typeCode(args, 0);
    const width = NUMBER_TYPES[t]!;
    if (d.size - d.ptr < width) throw rtError('io error');
    return decodeNumber(d.read(width), t, vm.floatBits);
  });
  method('writen', 2, (d, args) => {
    d.write(encodeNumber(args[0] ?? null, typeCode(args, 1)));
    return null;
  });
  method('readblob', 1, (d, args) => {
    const bytes = d.read(Math.min(argInt(args, 0), d.size));
    if (bytes.length === 0) throw rtError('no data left to read');
    return newBlob(vm, bytes);
  });
  method('writeblob', 1, (d, args) => {
    const other = args[0] ?? null;
    if (!(other instanceof SqInstance)) throw argTypeError(args, 0, 'instance');
    if (!isBlob(other)) throw rtError('invalid parameter');
    // Copy first: writing a blob into itself must not read bytes it is overwriting.
    d.write(blobBytes(other).slice());
    return null;
  });
  // INFERENCE: readstring at the end gives "" (the imp documents only the short read).
  method('readstring', 1, (d, args) => stringOfBytes(d.read(argInt(args, 0))));
  method('writestring', 1, (d, args) => {
    d.write(bytesOfString(argString(args, 0)));
    return null;
  });
  method('swap2', 0, (d) => {
    swapBytes(d, 2);
    return null;
  });
  method('swap4', 0, (d) => {
    swapBytes(d, 4);
    return null;
  });
  method('tostring', 0, (d) => stringOfBytes(d.bytes()));

  // Metamethods: b[i], b[i] = v, foreach, typeof, clone.
  method('_get', 1, (d, args) => {
    const i = argInt(args, 0);
    if (i < 0 || i >= d.size) throw rtError('index out of range');
    return d.buf[i]!;
  });
  method('_set', 2, (d, args) => {
    const i = argInt(args, 0);
    const v = argInt(args, 1);
    if (i < 0 || i >= d.size) throw rtError('index out of range');
    d.buf[i] = v & 0xff;
    return args[1]!;
  });
  // INFERENCE: an empty blob iterates nothing (3.0.4 yields index 0 and then fails in _get).
  method('_nexti', 1, (d, args) => {
    const prev = args[0] ?? null;
    if (prev === null) return d.size > 0 ? 0 : null;
    if (!isNumber(prev)) throw rtError('internal error (_nexti) wrong argument type');
    const next = (typeof prev === 'number' ? prev : floatToInt(prev.v)) + 1;
    return next < d.size ? next : null;
  });
  cls.members.set('_typeof', new SqNativeFunction('_typeof', () => 'blob', 0));
  // clone: the core copies the instance and calls _cloned on the copy with the original.
  cls.members.set(
    '_cloned',
    new SqNativeFunction(
      '_cloned',
      (_vm, self, args) => {
        const original = args[0] ?? null;
        if (!(self instanceof SqInstance) || !isBlob(original)) throw rtError('invalid type tag');
        const copy = new BlobData(blobOf(original).size, vm);
        copy.buf.set(blobBytes(original));
        self.native = copy;
        return null;
      },
      1,
    ),
  );

  blobClasses.set(vm, cls);
  root.map.set('blob', cls);
  return cls;
}
