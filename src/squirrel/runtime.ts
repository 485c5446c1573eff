// The Squirrel runtime: one Ops object of helper functions per VM, used by the
// compiled code (compiler.ts) and by the default delegates and base library.
// Semantics and error texts follow Squirrel 3.0.4's sqvm.cpp.

import {
  Frame,
  FuncInfo,
  SqClass,
  SqClosure,
  SqFloat,
  SqGenerator,
  SqInstance,
  SqNativeFunction,
  SqTable,
  SqThrow,
  SqWeakRef,
  newAddress,
  rtError,
  type SqValue,
  type StackFrame,
} from './value.js';
import { typeName } from './lib/args.js';
import { floatToString } from './lib/number-format.js';
import type { VM } from './vm.js';

/** Thrown when a VM's instruction budget runs out. Squirrel's try/catch never catches it. */
export class SqBudgetExceeded extends Error {
  constructor() {
    super('squirrel: instruction budget exceeded');
    this.name = 'SqBudgetExceeded';
  }
}

export { typeName };

/** Table keys: a float key is its number (1 and 1.0 are one key). */
export function tkey(k: SqValue): unknown {
  return k instanceof SqFloat ? k.v : k;
}

/** A table key as a Squirrel value again (non-integral numbers are floats). */
export function keyValue(k: unknown): SqValue {
  if (typeof k === 'number' && !Number.isInteger(k)) return new SqFloat(k);
  if (typeof k === 'number' && (k > 2147483647 || k < -2147483648)) return new SqFloat(k);
  return k as SqValue;
}

/** The value as Squirrel prints it in error messages (PrintObjVal). */
export function printKey(k: SqValue): string {
  if (typeof k === 'string') return k.length > 50 ? k.slice(0, 50) : k;
  if (typeof k === 'number') return String(k);
  if (k instanceof SqFloat) return String(Number(k.v.toPrecision(14)));
  return typeName(k);
}

export function idxError(k: SqValue): SqThrow {
  return rtError(`the index '${printKey(k)}' does not exist`);
}

export function isNumeric(v: SqValue): v is number | SqFloat {
  return typeof v === 'number' || v instanceof SqFloat;
}

export function addrText(a: number): string {
  return '0x' + a.toString(16).padStart(8, '0');
}

/** Fake addresses of arrays (plain JS arrays have no field for one). */
const arrayAddresses = new WeakMap<SqValue[], number>();

const ARITH_MM: Record<string, string> = { '+': '_add', '-': '_sub', '*': '_mul', '/': '_div', '%': '_modulo' };

/** An iterator used by compiled foreach loops: next() sets k and v. */
export interface SqIter {
  k: SqValue;
  v: SqValue;
  next(): boolean;
}

class ArrayIter implements SqIter {
  k: SqValue = null;
  v: SqValue = null;
  private i = 0;
  constructor(private a: SqValue[]) {}
  next(): boolean {
    const i = this.i;
    if (i < this.a.length) {
      this.k = i;
      const v = this.a[i]!;
      this.v = v instanceof SqWeakRef ? v.target : v;
      this.i = i + 1;
      return true;
    }
    return false;
  }
}

class MapIter implements SqIter {
  k: SqValue = null;
  v: SqValue = null;
  private it: Iterator<[unknown, SqValue]>;
  constructor(m: Map<unknown, SqValue>) {
    this.it = m.entries();
  }
  next(): boolean {
    const r = this.it.next();
    if (r.done) return false;
    this.k = keyValue(r.value[0]);
    const v = r.value[1];
    this.v = v instanceof SqWeakRef ? v.target : v;
    return true;
  }
}

class StringIter implements SqIter {
  k: SqValue = null;
  v: SqValue = null;
  private i = 0;
  constructor(private s: string) {}
  next(): boolean {
    if (this.i >= this.s.length) return false;
    this.k = this.i;
    this.v = this.s.charCodeAt(this.i++);
    return true;
  }
}

/**
 * An inline cache of one member access `o.k` (or free identifier `k` read
 * through `this`) in the compiled code, for instances:
 * - a field: `cls` and its `slot` (a class's field slots never move);
 * - a method call: the class `shape` (replaced whenever the class's members
 *   change) and the closure `fn` found in its members, cached only when it
 *   takes exactly the site's argument count and has no bound environment;
 * - a free identifier found in the table `this` (globals read by functions
 *   running with the root table as this): the table, its map's version
 *   (changed by every write) and the value.
 */
export class IC {
  cls: SqClass | null = null;
  slot = 0;
  shape: object | null = null;
  fn: SqClosure | null = null;
  /** A free identifier found in the table `this`: the table, its version and the value. */
  tbl: SqTable | null = null;
  ver = 0;
  v: SqValue = null;
  constructor(readonly k: string) {}
}

export type Ops = ReturnType<typeof makeOps>;

export function makeOps(vm: VM) {
  const fr: (x: number) => number = vm.floatBits === 32 ? Math.fround : (x) => x;
  const flt = (x: number): SqFloat => new SqFloat(fr(x));

  // ---------------------------------------------------------------- frames
  const stack = vm.stack;
  const pool: Frame[] = [];

  function enter(cl: SqClosure): Frame {
    if (--vm.budget < 0) budgetOut();
    const d = vm.depth + 1;
    if (d > vm.maxDepth) throw rtError('stack overflow');
    vm.depth = d;
    let f = pool[d];
    if (f === undefined) {
      f = pool[d] = new Frame();
      f.d = d;
    }
    f.cl = cl;
    f.line = cl.info.line;
    stack[d] = f;
    return f;
  }

  function budgetOut(): never {
    vm.budget = 0;
    throw new SqBudgetExceeded();
  }

  function snapshot(): StackFrame[] {
    const out: StackFrame[] = [];
    for (let d = vm.depth; d >= 1; d--) {
      const f = stack[d]!;
      const info = f.cl!.info;
      out.push({ func: info.name ?? 'unknown', src: info.src, line: f.line });
    }
    return out;
  }

  /** Any error reaching a Squirrel frame becomes an SqThrow with the call stack (host aborts pass). */
  function fix(e: unknown): Error {
    if (e instanceof SqThrow) {
      if (!e.traced) {
        e.traced = true;
        e.sqStack = snapshot();
      }
      return e;
    }
    if (e instanceof SqBudgetExceeded) return e;
    let t: SqThrow;
    if (e instanceof RangeError && /call stack|too much recursion/i.test(e.message)) t = rtError('stack overflow');
    else if (e instanceof RangeError && /Invalid (string|array) length|Array buffer allocation/i.test(e.message)) t = rtError('out of memory');
    else t = rtError(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    t.traced = true;
    t.sqStack = snapshot();
    return t;
  }

  /** The value a Squirrel catch clause receives. */
  function catchv(e: unknown): SqValue {
    const x = fix(e);
    if (x instanceof SqThrow) return x.value;
    throw x;
  }

  function thr(v: SqValue): SqThrow {
    return new SqThrow(v);
  }

  function allocate(bytes: number): void {
    vm.mem += bytes;
    if (vm.mem > vm.memoryLimit) {
      vm.mem = 0;
      throw rtError('out of memory');
    }
  }

  // ---------------------------------------------------------------- values
  function closure(fn: Function, info: FuncInfo, defaults: SqValue[]): SqClosure {
    return new SqClosure(fn, info, defaults);
  }

  function mkgen(frame: Frame, it: Generator<SqValue, SqValue, undefined>): SqGenerator {
    return new SqGenerator(it, frame);
  }

  function T(v: SqValue): boolean {
    return v !== null && v !== false && v !== 0 && !(v instanceof SqFloat && v.v === 0);
  }

  function mktable(kv: SqValue[]): SqTable {
    const t = new SqTable();
    for (let i = 0; i < kv.length; i += 2) {
      const k = kv[i]!;
      if (k === null) throw rtError('null cannot be used as index');
      t.map.set(tkey(k), kv[i + 1]!);
    }
    allocate(48 + kv.length * 16);
    return t;
  }

  function mkarr(a: SqValue[]): SqValue[] {
    allocate(32 + a.length * 8);
    return a;
  }

  // ---------------------------------------------------------------- metamethods
  function getMeta(o: SqValue, name: string): SqValue | undefined {
    if (o instanceof SqInstance) return o.cls.members.get(name);
    if (o instanceof SqTable) {
      const d = o.delegate;
      return d === null ? undefined : d.map.get(name);
    }
    return undefined;
  }

  // ---------------------------------------------------------------- arithmetic
  function arith(op: string, a: SqValue, b: SqValue): SqValue {
    const ta = typeof a;
    const tb = typeof b;
    if (ta === 'number' && tb === 'number') return intArith(op, a as number, b as number);
    if ((ta === 'number' || a instanceof SqFloat) && (tb === 'number' || b instanceof SqFloat)) {
      const x = ta === 'number' ? (a as number) : (a as SqFloat).v;
      const y = tb === 'number' ? (b as number) : (b as SqFloat).v;
      switch (op) {
        case '+':
          return flt(x + y);
        case '-':
          return flt(x - y);
        case '*':
          return flt(x * y);
        case '/':
          return flt(x / y);
        default:
          return flt(x % y);
      }
    }
    if (op === '+' && (ta === 'string' || tb === 'string')) return concat(tostring(a), tostring(b));
    const mm = getMeta(a, ARITH_MM[op]!);
    if (mm !== undefined) return callv(mm, a, [b]);
    throw rtError(`arith op ${op} on between '${typeName(a)}' and '${typeName(b)}'`);
  }

  function intArith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return (a + b) | 0;
      case '-':
        return (a - b) | 0;
      case '*':
        return Math.imul(a, b);
      case '/':
        if (b === 0) throw rtError('division by zero');
        return (a / b) | 0;
      default:
        if (b === 0) throw rtError('modulo by zero');
        return a % b | 0;
    }
  }

  function concat(a: string, b: string): string {
    const n = a.length + b.length;
    if (n > vm.memoryLimit) throw rtError('out of memory');
    return a + b;
  }

  const add = (a: SqValue, b: SqValue): SqValue =>
    typeof a === 'number' && typeof b === 'number' ? (a + b) | 0 : arith('+', a, b);
  const sub = (a: SqValue, b: SqValue): SqValue =>
    typeof a === 'number' && typeof b === 'number' ? (a - b) | 0 : arith('-', a, b);
  const mul = (a: SqValue, b: SqValue): SqValue =>
    typeof a === 'number' && typeof b === 'number' ? Math.imul(a, b) : arith('*', a, b);
  const div = (a: SqValue, b: SqValue): SqValue => arith('/', a, b);
  const mod = (a: SqValue, b: SqValue): SqValue => arith('%', a, b);

  function neg(a: SqValue): SqValue {
    if (typeof a === 'number') return -a | 0;
    if (a instanceof SqFloat) return new SqFloat(-a.v);
    const mm = getMeta(a, '_unm');
    if (mm !== undefined) return callv(mm, a, []);
    throw rtError(`attempt to negate a ${typeName(a)}`);
  }

  function bitErr(a: SqValue, b: SqValue): SqThrow {
    return rtError(`bitwise op between '${typeName(a)}' and '${typeName(b)}'`);
  }
  function band(a: SqValue, b: SqValue): number {
    if (typeof a === 'number' && typeof b === 'number') return a & b;
    throw bitErr(a, b);
  }
  function bor(a: SqValue, b: SqValue): number {
    if (typeof a === 'number' && typeof b === 'number') return a | b;
    throw bitErr(a, b);
  }
  function bxor(a: SqValue, b: SqValue): number {
    if (typeof a === 'number' && typeof b === 'number') return a ^ b;
    throw bitErr(a, b);
  }
  function shl(a: SqValue, b: SqValue): number {
    if (typeof a === 'number' && typeof b === 'number') return a << b;
    throw bitErr(a, b);
  }
  function shr(a: SqValue, b: SqValue): number {
    if (typeof a === 'number' && typeof b === 'number') return a >> b;
    throw bitErr(a, b);
  }
  function ushr(a: SqValue, b: SqValue): number {
    if (typeof a === 'number' && typeof b === 'number') return (a >>> b) | 0;
    throw bitErr(a, b);
  }
  function bnot(a: SqValue): number {
    if (typeof a === 'number') return ~a;
    throw rtError(`attempt to perform a bitwise op on a ${typeName(a)}`);
  }

  // ---------------------------------------------------------------- comparison
  function eq(a: SqValue, b: SqValue): boolean {
    if (a === b) return true;
    if (a instanceof SqFloat) {
      if (b instanceof SqFloat) return a.v === b.v;
      return typeof b === 'number' && a.v === b;
    }
    if (b instanceof SqFloat) return typeof a === 'number' && a === b.v;
    return false;
  }

  /** ObjCmp: <0, 0, >0. */
  function cmp(a: SqValue, b: SqValue): number {
    const ta = typeName(a);
    const tb = typeName(b);
    if (ta === tb) {
      if (a === b) return 0;
      switch (ta) {
        case 'string':
          return (a as string) < (b as string) ? -1 : 1;
        case 'integer':
          return ((a as number) - (b as number)) | 0 || ((a as number) < (b as number) ? -1 : 1);
        case 'float':
          return (a as SqFloat).v === (b as SqFloat).v ? 0 : (a as SqFloat).v < (b as SqFloat).v ? -1 : 1;
        case 'bool':
          return a === false ? -1 : 1;
        case 'table':
        case 'instance': {
          const mm = getMeta(a, '_cmp');
          if (mm !== undefined) {
            const r = callv(mm, a, [b]);
            if (typeof r !== 'number') throw rtError('_cmp must return an integer');
            return r;
          }
        }
      }
      return addressOf(a) < addressOf(b) ? -1 : 1;
    }
    if (isNumeric(a) && isNumeric(b)) {
      const x = typeof a === 'number' ? a : a.v;
      const y = typeof b === 'number' ? b : b.v;
      return x === y ? 0 : x < y ? -1 : 1;
    }
    if (a === null) return -1;
    if (b === null) return 1;
    // instances may compare with anything through _cmp
    if (a instanceof SqInstance || a instanceof SqTable) {
      const mm = getMeta(a, '_cmp');
      if (mm !== undefined) {
        const r = callv(mm, a, [b]);
        if (typeof r !== 'number') throw rtError('_cmp must return an integer');
        return r;
      }
    }
    throw rtError(`comparison between '${ta}' and '${tb}'`);
  }

  function addressOf(v: SqValue): number {
    if (Array.isArray(v)) {
      let a = arrayAddresses.get(v);
      if (a === undefined) arrayAddresses.set(v, (a = newAddress()));
      return a;
    }
    if (v !== null && typeof v === 'object' && 'address' in v) return (v as { address: number }).address;
    return 0;
  }

  const lt = (a: SqValue, b: SqValue): boolean =>
    typeof a === 'number' && typeof b === 'number' ? a < b : cmp(a, b) < 0;
  const le = (a: SqValue, b: SqValue): boolean =>
    typeof a === 'number' && typeof b === 'number' ? a <= b : cmp(a, b) <= 0;
  const gt = (a: SqValue, b: SqValue): boolean =>
    typeof a === 'number' && typeof b === 'number' ? a > b : cmp(a, b) > 0;
  const ge = (a: SqValue, b: SqValue): boolean =>
    typeof a === 'number' && typeof b === 'number' ? a >= b : cmp(a, b) >= 0;
  const cmp3 = (a: SqValue, b: SqValue): number => cmp(a, b);

  // ---------------------------------------------------------------- get
  /** Calls a _get metamethod; a `throw null` from it means "no such key". */
  function metaGet(mm: SqValue, self: SqValue, k: SqValue): SqValue | undefined {
    const depth = vm.depth;
    try {
      return callv(mm, self, [k]);
    } catch (e) {
      if (e instanceof SqThrow && e.value === null) {
        vm.depth = depth; // frames do not unwind the depth when an error leaves them
        return undefined;
      }
      throw e;
    }
  }

  function tryGetTable(o: SqTable, k: unknown): SqValue | undefined {
    const v = o.map.get(k);
    if (v !== undefined) return v;
    const d = o.delegate;
    if (d === null) return undefined;
    const dv = tryGetTable(d, k);
    if (dv !== undefined) return dv;
    if (typeof k === 'string') {
      const x = vm.delegates.table.map.get(k);
      if (x !== undefined) return x;
    }
    const mm = d.map.get('_get');
    if (mm !== undefined) return metaGet(mm, o, keyValue(k));
    return undefined;
  }

  function tryGetInstance(o: SqInstance, k: SqValue): SqValue | undefined {
    let v = fieldOf(o, k);
    if (v !== undefined) return v;
    v = o.cls.members.get(k);
    if (v !== undefined) return v;
    if (typeof k === 'string') {
      v = vm.delegates.instance.map.get(k);
      if (v !== undefined) return v;
    }
    const mm = o.cls.members.get('_get');
    if (mm !== undefined) return metaGet(mm, o, k);
    return undefined;
  }

  /** An instance's field k; undefined when it has none. */
  function fieldOf(o: SqInstance, k: unknown): SqValue | undefined {
    const i = o.cls.fieldKeys.index.get(k);
    return i === undefined || i >= o.slots.length ? undefined : o.slots[i];
  }

  /** Sets an instance's existing field k; false when it has none. */
  function setField(o: SqInstance, k: unknown, v: SqValue): boolean {
    const i = o.cls.fieldKeys.index.get(k);
    if (i === undefined || i >= o.slots.length) return false;
    o.slots[i] = v;
    return true;
  }

  /** Get without metamethods or delegates (rawget); undefined when missing. */
  function rawget(o: SqValue, k: SqValue): SqValue | undefined {
    if (o instanceof SqTable) return o.map.get(tkey(k));
    if (o instanceof SqInstance) return fieldOf(o, k) ?? o.cls.members.get(k);
    if (o instanceof SqClass) return o.members.get(k);
    if (Array.isArray(o)) {
      if (!isNumeric(k)) return undefined;
      const i = typeof k === 'number' ? k : Math.trunc(k.v);
      return i >= 0 && i < o.length ? o[i] : undefined;
    }
    return undefined;
  }

  /** Get, or undefined when the key is missing (no error). */
  function tryGet(o: SqValue, k: SqValue): SqValue | undefined {
    if (o instanceof SqTable) {
      const v = tryGetTable(o, tkey(k));
      if (v !== undefined) return v;
      return typeof k === 'string' ? vm.delegates.table.map.get(k) : undefined;
    }
    if (o instanceof SqInstance) {
      const v = tryGetInstance(o, k);
      if (v !== undefined) return v;
      return typeof k === 'string' ? vm.delegates.instance.map.get(k) : undefined;
    }
    if (Array.isArray(o)) {
      if (typeof k === 'number') return k >= 0 && k < o.length ? o[k] : undefined;
      if (k instanceof SqFloat) {
        const i = Math.trunc(k.v);
        return i >= 0 && i < o.length ? o[i] : undefined;
      }
      return typeof k === 'string' ? vm.delegates.array.map.get(k) : undefined;
    }
    if (typeof o === 'string') {
      if (isNumeric(k)) {
        const i = typeof k === 'number' ? k : Math.trunc(k.v);
        return i >= 0 && i < o.length ? o.charCodeAt(i) : undefined;
      }
      return typeof k === 'string' ? vm.delegates.string.map.get(k) : undefined;
    }
    if (o instanceof SqClass) {
      const v = o.members.get(k);
      if (v !== undefined) return v;
      return typeof k === 'string' ? vm.delegates.class.map.get(k) : undefined;
    }
    if (typeof k !== 'string') return undefined;
    const d = delegateOf(o);
    return d === null ? undefined : d.map.get(k);
  }

  function delegateOf(o: SqValue): SqTable | null {
    const d = vm.delegates;
    if (o === null) return null;
    switch (typeof o) {
      case 'number':
        return d.integer;
      case 'boolean':
        return d.bool;
      case 'string':
        return d.string;
    }
    if (o instanceof SqFloat) return d.float;
    if (o instanceof SqClosure || o instanceof SqNativeFunction) return d.function;
    if (o instanceof SqGenerator) return d.generator;
    if (o instanceof SqWeakRef) return d.weakref;
    if (o instanceof SqTable) return d.table;
    if (Array.isArray(o)) return d.array;
    if (o instanceof SqInstance) return d.instance;
    if (o instanceof SqClass) return d.class;
    return null;
  }

  function get(o: SqValue, k: SqValue): SqValue {
    let v: SqValue | undefined;
    if (typeof k === 'number' && Array.isArray(o)) {
      if (k >= 0 && k < o.length) v = o[k]!;
      else throw idxError(k);
    } else if (o instanceof SqTable) v = o.map.get(k instanceof SqFloat ? k.v : k);
    else if (o instanceof SqInstance) {
      v = fieldOf(o, k);
      if (v === undefined) v = o.cls.members.get(k);
    }
    if (v === undefined) {
      v = tryGet(o, k);
      if (v === undefined) throw idxError(k);
    }
    // a weak reference stored in a container reads as its target (_realval)
    return v instanceof SqWeakRef ? v.target : v;
  }

  /** A free identifier: this (with delegates), then the root table, then the constant table. */
  function gget(self: SqValue, k: string): SqValue {
    if (self instanceof SqTable) {
      const v = self.map.get(k);
      if (v !== undefined) return v;
    } else if (self instanceof SqInstance) {
      const v = fieldOf(self, k);
      if (v !== undefined) return v instanceof SqWeakRef ? v.target : v;
    }
    let v = tryGet(self, k);
    if (v !== undefined) return v;
    v = vm.root.map.get(k);
    if (v !== undefined) return v;
    v = vm.consts.map.get(k);
    if (v !== undefined) return v;
    throw idxError(k);
  }

  // ---------------------------------------------------------------- set
  /** Set an existing slot through a table's delegates, or its _set; false when neither applies. */
  function tableSetFallback(o: SqTable, k: unknown, v: SqValue): boolean {
    const d = o.delegate;
    if (d === null) return false;
    if (trySetTable(d, k, v)) return true;
    const mm = d.map.get('_set');
    if (mm !== undefined) {
      callv(mm, o, [keyValue(k), v]);
      return true;
    }
    return false;
  }

  function trySetTable(o: SqTable, k: unknown, v: SqValue): boolean {
    if (o.map.has(k)) {
      o.map.set(k, v);
      return true;
    }
    return tableSetFallback(o, k, v);
  }

  function trySet(o: SqValue, k: SqValue, v: SqValue): boolean {
    if (o instanceof SqTable) return trySetTable(o, tkey(k), v);
    if (o instanceof SqInstance) {
      if (setField(o, k, v)) return true;
      const mm = o.cls.members.get('_set');
      if (mm !== undefined) {
        callv(mm, o, [k, v]);
        return true;
      }
      return false;
    }
    if (Array.isArray(o)) {
      if (!isNumeric(k)) throw rtError(`indexing array with ${typeName(k)}`);
      const i = typeof k === 'number' ? k : Math.trunc(k.v);
      if (i >= 0 && i < o.length) {
        o[i] = v;
        return true;
      }
      return false;
    }
    if (o instanceof SqClass) {
      if (!o.members.has(k)) return false;
      if (o.locked && o.fieldKeys.has(k)) throw rtError('trying to modify a class that has already been instantiated');
      o.members.set(k, v);
      return true;
    }
    throw rtError(`trying to set '${typeName(o)}'`);
  }

  function set(o: SqValue, k: SqValue, v: SqValue): SqValue {
    if (o instanceof SqInstance) {
      if (setField(o, k, v)) return v;
    } else if (Array.isArray(o) && typeof k === 'number' && k >= 0 && k < o.length) {
      o[k] = v;
      return v;
    }
    if (trySet(o, k, v)) return v;
    throw idxError(k);
  }

  function gset(self: SqValue, k: string, v: SqValue): SqValue {
    if (self instanceof SqTable) {
      // one hash operation when the slot exists: set, and undo if it was new
      const m = self.map;
      const n = m.size;
      m.set(k, v);
      if (m.size === n) return v;
      m.delete(k);
    } else if (self instanceof SqInstance && setField(self, k, v)) return v;
    if (trySet(self, k, v)) return v;
    const root = vm.root;
    if (root.map.has(k)) {
      root.map.set(k, v);
      return v;
    }
    throw idxError(k);
  }

  function newslot(o: SqValue, k: SqValue, v: SqValue): SqValue {
    if (k === null) throw rtError('null cannot be used as index');
    if (o instanceof SqTable) {
      const kk = tkey(k);
      if (!o.map.has(kk)) {
        const mm = o.delegate?.map.get('_newslot');
        if (mm !== undefined) {
          callv(mm, o, [k, v]);
          return v;
        }
        allocate(40);
      }
      o.map.set(kk, v);
      return v;
    }
    if (o instanceof SqClass) {
      classMember(o, k, v, false, null, false);
      return v;
    }
    if (o instanceof SqInstance) throw rtError('class instances do not support the new slot operator');
    throw rtError(`indexing ${typeName(o)} with ${typeName(k)}`);
  }

  function del(o: SqValue, k: SqValue): SqValue {
    if (o instanceof SqTable || o instanceof SqInstance) {
      const mm = getMeta(o, '_delslot');
      if (mm !== undefined) return callv(mm, o, [k]);
      if (o instanceof SqTable) {
        const kk = tkey(k);
        const v = o.map.get(kk);
        if (v === undefined) throw idxError(k);
        o.map.delete(kk);
        vm.mem -= 40;
        return v;
      }
    }
    throw rtError(`cannot delete a slot from ${typeName(o)}`);
  }

  function inop(k: SqValue, o: SqValue): boolean {
    return rawget(o, k) !== undefined || (typeof o === 'string' && isNumeric(k) && tryGet(o, k) !== undefined);
  }

  function instof(a: SqValue, c: SqValue): boolean {
    if (!(c instanceof SqClass)) throw rtError(`cannot apply instanceof between a ${typeName(a)} and a ${typeName(c)}`);
    if (!(a instanceof SqInstance)) return false;
    for (let k: SqClass | null = a.cls; k !== null; k = k.base) if (k === c) return true;
    return false;
  }

  function typeOf(v: SqValue): string {
    if (v instanceof SqInstance || v instanceof SqTable) {
      const mm = getMeta(v, '_typeof');
      if (mm !== undefined) {
        const r = callv(mm, v, []);
        return typeof r === 'string' ? r : tostring(r);
      }
    }
    return typeName(v);
  }

  function clone(v: SqValue): SqValue {
    if (v instanceof SqTable) {
      const t = new SqTable();
      for (const [k, x] of v.map) t.map.set(k, x);
      t.delegate = v.delegate;
      allocate(48 + t.map.size * 40);
      const mm = getMeta(t, '_cloned');
      if (mm !== undefined) callv(mm, t, [v]);
      return t;
    }
    if (Array.isArray(v)) return mkarr(v.slice());
    if (v instanceof SqInstance) {
      const c = new SqInstance(v.cls);
      c.slots = v.slots.slice();
      c.native = v.native;
      allocate(32 + c.slots.length * 16);
      const mm = v.cls.members.get('_cloned');
      if (mm !== undefined) callv(mm, c, [v]);
      return c;
    }
    throw rtError(`cloning a ${typeName(v)}`);
  }

  // ---------------------------------------------------------------- calls
  function wrongParams(): SqThrow {
    return rtError('wrong number of parameters');
  }

  function callv(f: SqValue, self: SqValue, args: SqValue[]): SqValue {
    if (f instanceof SqClosure) {
      const info = f.info;
      const np = info.params.length;
      const n = args.length;
      const env = f.env === undefined ? self : f.env;
      if (n === np && !info.varargs) return f.fn(env, ...args);
      let a: SqValue[];
      if (n < np) {
        const need = np - info.ndefaults;
        if (n < need) throw wrongParams();
        a = args.slice();
        for (let i = n; i < np; i++) a.push(f.defaults[i - need]!);
      } else {
        if (n > np && !info.varargs) throw wrongParams();
        a = args.slice(0, np);
      }
      if (info.varargs) a.push(mkarr(args.slice(np)));
      return f.fn(env, ...a);
    }
    if (f instanceof SqNativeFunction) {
      const np = f.nparams;
      if (np !== undefined && (np >= 0 ? args.length !== np : args.length < -np - 1)) throw wrongParams();
      const r = f.impl(vm, f.env === undefined ? self : f.env, args);
      return r === undefined ? null : r;
    }
    if (f instanceof SqClass) return construct(f, args);
    if (f instanceof SqInstance || f instanceof SqTable) {
      const mm = getMeta(f, '_call');
      if (mm !== undefined) return callv(mm, f, [self, ...args]);
    }
    throw rtError(`attempt to call '${typeName(f)}'`);
  }

  function call0(f: SqValue, self: SqValue): SqValue {
    if (f instanceof SqClosure && f.np === 0) return f.fn(f.env === undefined ? self : f.env);
    return callv(f, self, []);
  }
  function call1(f: SqValue, self: SqValue, a: SqValue): SqValue {
    if (f instanceof SqClosure && f.np === 1) return f.fn(f.env === undefined ? self : f.env, a);
    return callv(f, self, [a]);
  }
  function call2(f: SqValue, self: SqValue, a: SqValue, b: SqValue): SqValue {
    if (f instanceof SqClosure && f.np === 2) return f.fn(f.env === undefined ? self : f.env, a, b);
    return callv(f, self, [a, b]);
  }
  function call3(f: SqValue, self: SqValue, a: SqValue, b: SqValue, c: SqValue): SqValue {
    if (f instanceof SqClosure && f.np === 3) return f.fn(f.env === undefined ? self : f.env, a, b, c);
    return callv(f, self, [a, b, c]);
  }
  function call4(f: SqValue, self: SqValue, a: SqValue, b: SqValue, c: SqValue, d: SqValue): SqValue {
    if (f instanceof SqClosure && f.np === 4) return f.fn(f.env === undefined ? self : f.env, a, b, c, d);
    return callv(f, self, [a, b, c, d]);
  }
  // arr.len() / str.len() cannot be overridden (default delegates are fixed): answer directly
  const mcall0 = (o: SqValue, k: SqValue): SqValue =>
    k === 'len' && (Array.isArray(o) || typeof o === 'string') ? o.length : call0(get(o, k), o);
  const mcall1 = (o: SqValue, k: SqValue, a: SqValue): SqValue => call1(get(o, k), o, a);
  const mcall2 = (o: SqValue, k: SqValue, a: SqValue, b: SqValue): SqValue => call2(get(o, k), o, a, b);
  const mcall3 = (o: SqValue, k: SqValue, a: SqValue, b: SqValue, c: SqValue): SqValue =>
    call3(get(o, k), o, a, b, c);
  const mcallv = (o: SqValue, k: SqValue, args: SqValue[]): SqValue => callv(get(o, k), o, args);

  // ---------------------------------------------------------------- inline caches
  function ic(k: string): IC {
    return new IC(k);
  }

  /** Fills ic for a field read/write of instance o; false when k is not one of its fields. */
  function icField(ic: IC, o: SqInstance): boolean {
    const i = o.cls.fieldKeys.index.get(ic.k);
    if (i === undefined || i >= o.slots.length) return false;
    ic.cls = o.cls;
    ic.slot = i;
    return true;
  }

  /** Instance o's field ic.k through the cache; undefined when it has none. */
  function icFieldGet(ic: IC, o: SqInstance): SqValue | undefined {
    if (o.cls !== ic.cls && !icField(ic, o)) return undefined;
    const v = o.slots[ic.slot];
    return v instanceof SqWeakRef ? v.target : v;
  }

  /** Sets instance o's field ic.k through the cache; false when it has none. */
  function icFieldSet(ic: IC, o: SqInstance, v: SqValue): boolean {
    if ((o.cls !== ic.cls && !icField(ic, o)) || ic.slot >= o.slots.length) return false;
    o.slots[ic.slot] = v;
    return true;
  }

  /** o.k for a constant string k. */
  function getc(ic: IC, o: SqValue): SqValue {
    if (o instanceof SqInstance) {
      const v = o.cls === ic.cls ? o.slots[ic.slot] : icFieldGet(ic, o);
      if (v !== undefined) return v instanceof SqWeakRef ? v.target : v;
    }
    return get(o, ic.k);
  }

  /** o.k = v for a constant string k. */
  function setc(ic: IC, o: SqValue, v: SqValue): SqValue {
    if (o instanceof SqInstance && o.cls === ic.cls && ic.slot < o.slots.length) {
      o.slots[ic.slot] = v;
      return v;
    }
    if (o instanceof SqInstance && icFieldSet(ic, o, v)) return v;
    return set(o, ic.k, v);
  }

  /** A free identifier k read through this (see gget). */
  function ggetc(ic: IC, self: SqValue): SqValue {
    if (self instanceof SqTable) {
      if (self === ic.tbl && self.map.ver === ic.ver) return ic.v;
    } else if (self instanceof SqInstance && self.cls === ic.cls) {
      const v = self.slots[ic.slot];
      if (v !== undefined && !(v instanceof SqWeakRef)) return v;
    }
    return ggetcMiss(ic, self);
  }

  function ggetcMiss(ic: IC, self: SqValue): SqValue {
    if (self instanceof SqTable) {
      const v = self.map.get(ic.k);
      if (v !== undefined) {
        ic.tbl = self;
        ic.ver = self.map.ver;
        ic.v = v;
        return v;
      }
    } else if (self instanceof SqInstance) {
      const v = icFieldGet(ic, self);
      if (v !== undefined) return v;
    }
    return gget(self, ic.k);
  }

  /** A free identifier k assigned through this (see gset). */
  function gsetc(ic: IC, self: SqValue, v: SqValue): SqValue {
    if (self instanceof SqInstance && self.cls === ic.cls && ic.slot < self.slots.length) {
      self.slots[ic.slot] = v;
      return v;
    }
    if (self instanceof SqInstance && icFieldSet(ic, self, v)) return v;
    return gset(self, ic.k, v);
  }

  /** The method o.k for a call with n arguments; caches it in ic when o is an instance. */
  function icMethod(ic: IC, o: SqValue, n: number): SqValue {
    if (o instanceof SqInstance) {
      const cls = o.cls;
      if (!cls.fieldKeys.index.has(ic.k)) {
        const m = cls.members.get(ic.k);
        if (m instanceof SqClosure && m.np === n && m.env === undefined) {
          ic.shape = cls.shape;
          ic.fn = m;
          return m;
        }
      }
    }
    return get(o, ic.k);
  }

  /** o.k(...) for a constant string k: the class's method straight from the cache. */
  function mc0(ic: IC, o: SqValue): SqValue {
    if (o instanceof SqInstance && o.cls.shape === ic.shape) return ic.fn!.fn(o);
    if (ic.k === 'len' && (Array.isArray(o) || typeof o === 'string')) return o.length;
    return call0(icMethod(ic, o, 0), o);
  }
  function mc1(ic: IC, o: SqValue, a: SqValue): SqValue {
    if (o instanceof SqInstance && o.cls.shape === ic.shape) return ic.fn!.fn(o, a);
    return call1(icMethod(ic, o, 1), o, a);
  }
  function mc2(ic: IC, o: SqValue, a: SqValue, b: SqValue): SqValue {
    if (o instanceof SqInstance && o.cls.shape === ic.shape) return ic.fn!.fn(o, a, b);
    return call2(icMethod(ic, o, 2), o, a, b);
  }
  function mc3(ic: IC, o: SqValue, a: SqValue, b: SqValue, c: SqValue): SqValue {
    if (o instanceof SqInstance && o.cls.shape === ic.shape) return ic.fn!.fn(o, a, b, c);
    return call3(icMethod(ic, o, 3), o, a, b, c);
  }

  // ---------------------------------------------------------------- classes
  function construct(cls: SqClass, args: SqValue[]): SqInstance {
    const inst = new SqInstance(cls);
    cls.locked = true;
    inst.initFields();
    allocate(32 + cls.fieldKeys.size * 16);
    if (cls.nativeConstructor) cls.nativeConstructor(inst, args);
    const ctor = cls.members.get('constructor');
    if (ctor !== undefined) callv(ctor, inst, args);
    return inst;
  }

  function mkclass(base: SqValue, attrs: SqValue, members: SqValue[]): SqClass {
    if (base !== null && !(base instanceof SqClass)) throw rtError(`trying to inherit from a ${typeName(base)}`);
    const cls = new SqClass(base);
    if (base !== null) {
      for (const [k, v] of base.members) cls.members.set(k, v);
      for (const k of base.statics) cls.statics.add(k);
      for (const k of base.fieldKeys) cls.fieldKeys.add(k);
      for (const [k, v] of base.attributes) cls.attributes.set(k, v);
      if (base.nativeConstructor) cls.nativeConstructor = base.nativeConstructor;
      const mm = cls.members.get('_inherited');
      if (mm !== undefined) callv(mm, cls, [attrs]);
    }
    cls.classAttributes = attrs;
    allocate(64);
    for (let i = 0; i < members.length; i += 4)
      classMember(cls, members[i]!, members[i + 1]!, members[i + 2] === true, members[i + 3]!, true);
    return cls;
  }

  function classMember(cls: SqClass, k: SqValue, v: SqValue, isStatic: boolean, attrs: SqValue, fromBody: boolean): void {
    if (k === null) throw rtError('null cannot be used as index');
    if (fromBody) {
      const nm = cls.members.get('_newmember');
      if (nm !== undefined) {
        callv(nm, cls, [k, v, attrs, isStatic]);
        return;
      }
    }
    const key = tkey(k);
    const isFn = v instanceof SqClosure || v instanceof SqNativeFunction;
    const shared = isFn || isStatic;
    if (cls.locked && !shared) throw rtError('trying to modify a class that has already been instantiated');
    if (cls.fieldKeys.has(key)) cls.members.set(key, v);
    else if (shared) {
      let val = v;
      if (v instanceof SqClosure && cls.base !== null) val = new SqClosure(v.fn, v.info, v.defaults, v.env, cls.base);
      cls.members.set(key, val);
      if (isStatic) cls.statics.add(key);
    } else {
      cls.fieldKeys.add(key);
      cls.members.set(key, v);
    }
    if (attrs !== null) cls.attributes.set(key, attrs);
    allocate(32);
  }

  function getbase(cl: SqClosure): SqValue {
    return cl.base;
  }

  // ---------------------------------------------------------------- generators
  function resume(g: SqValue): SqValue {
    if (!(g instanceof SqGenerator)) throw rtError(`trying to resume a '${typeName(g)}',only genenerator can be resumed`);
    if (g.state === 'dead') throw rtError('resuming dead generator');
    if (g.state === 'running') throw rtError('resuming active generator');
    const d = vm.depth + 1;
    if (d > vm.maxDepth) throw rtError('stack overflow');
    vm.depth = d;
    stack[d] = g.frame;
    g.frame.d = d;
    g.state = 'running';
    let r: IteratorResult<SqValue, SqValue>;
    try {
      r = g.it.next();
    } catch (e) {
      g.state = 'dead';
      // trace it now: the depth is unwound below, the stack is still intact
      throw fix(e);
    } finally {
      vm.depth = d - 1;
    }
    if (r.done) {
      g.state = 'dead';
      return r.value === undefined ? null : r.value;
    }
    g.state = 'suspended';
    return r.value;
  }

  class GenIter implements SqIter {
    k: SqValue = null;
    v: SqValue = null;
    private i = 0;
    constructor(private g: SqGenerator) {}
    next(): boolean {
      if (this.g.state === 'dead') return false;
      const v = resume(this.g);
      if ((this.g.state as string) === 'dead') return false;
      this.k = this.i++;
      this.v = v;
      return true;
    }
  }

  class NextiIter implements SqIter {
    k: SqValue = null;
    v: SqValue = null;
    private idx: SqValue = null;
    constructor(
      private o: SqValue,
      private mm: SqValue,
    ) {}
    next(): boolean {
      const idx = callv(this.mm, this.o, [this.idx]);
      if (idx === null) return false;
      this.idx = idx;
      this.k = idx;
      this.v = get(this.o, idx);
      return true;
    }
  }

  function iter(x: SqValue): SqIter {
    if (Array.isArray(x)) return new ArrayIter(x);
    if (x instanceof SqTable) return new MapIter(x.map);
    if (typeof x === 'string') return new StringIter(x);
    if (x instanceof SqGenerator) return new GenIter(x);
    if (x instanceof SqInstance) {
      const mm = x.cls.members.get('_nexti');
      if (mm !== undefined) return new NextiIter(x, mm);
      const m = new Map<unknown, SqValue>();
      for (const [k, v] of x.cls.members) {
        const f = fieldOf(x, k);
        m.set(k, f !== undefined ? f : v);
      }
      return new MapIter(m);
    }
    if (x instanceof SqClass) return new MapIter(x.members);
    throw rtError(`cannot iterate ${typeName(x)}`);
  }

  // ---------------------------------------------------------------- tostring
  function tostring(v: SqValue): string {
    switch (typeof v) {
      case 'string':
        return v;
      case 'number':
        return String(v);
      case 'boolean':
        return v ? 'true' : 'false';
    }
    if (v === null) return 'null';
    if (v instanceof SqFloat) return floatToString(v.v, vm.floatBits);
    if (v instanceof SqInstance || v instanceof SqTable) {
      const mm = getMeta(v, '_tostring');
      if (mm !== undefined) {
        const r = callv(mm, v, []);
        return typeof r === 'string' ? r : tostring(r);
      }
    }
    return `(${typeName(v)} : ${addrText(addressOf(v))})`;
  }

  function setconst(name: string, v: SqValue): SqValue {
    vm.consts.map.set(name, v);
    return v;
  }

  return {
    vm,
    flt,
    enter,
    budgetOut,
    fix,
    catchv,
    thr,
    snapshot,
    allocate,
    closure,
    mkgen,
    T,
    mktable,
    mkarr,
    getMeta,
    arith,
    add,
    sub,
    mul,
    div,
    mod,
    neg,
    band,
    bor,
    bxor,
    shl,
    shr,
    ushr,
    bnot,
    eq,
    cmp,
    lt,
    le,
    gt,
    ge,
    cmp3,
    rawget,
    tryGet,
    get,
    gget,
    trySet,
    set,
    gset,
    newslot,
    del,
    inop,
    instof,
    typeOf,
    clone,
    callv,
    call0,
    call1,
    call2,
    call3,
    call4,
    mcall0,
    mcall1,
    mcall2,
    mcall3,
    mcallv,
    ic,
    getc,
    setc,
    ggetc,
    gsetc,
    mc0,
    mc1,
    mc2,
    mc3,
    construct,
    mkclass,
    classMember,
    getbase,
    resume,
    iter,
    tostring,
    setconst,
    Frame,
  };
}
