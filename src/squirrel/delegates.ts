// Default delegates: the methods every value type has (sqbaselib.cpp of 3.0.4).

import { argTypeError } from './lib/args.js';
import { floatToInt, stringToFloat, stringToInteger } from './lib/number-format.js';
import { idxError, isNumeric, typeName } from './runtime.js';
import {
  SqClass,
  SqClosure,
  SqFloat,
  SqGenerator,
  SqInstance,
  SqNativeFunction,
  SqTable,
  SqThrow,
  SqWeakRef,
  rtError,
  type NativeImpl,
  type SqValue,
} from './value.js';
import type { VM } from './vm.js';

export interface Delegates {
  integer: SqTable;
  float: SqTable;
  bool: SqTable;
  string: SqTable;
  table: SqTable;
  array: SqTable;
  function: SqTable;
  class: SqTable;
  instance: SqTable;
  generator: SqTable;
  weakref: SqTable;
}

type Impl = (self: SqValue, args: SqValue[]) => SqValue | void;

export function makeDelegates(vm: VM): Delegates {
  const ops = vm.ops;
  const def = (t: SqTable, name: string, nparams: number | undefined, impl: Impl) => {
    const native: NativeImpl = (_vm, self, args) => {
      const r = impl(self, args);
      return r === undefined ? null : r;
    };
    t.map.set(name, new SqNativeFunction(name, native, nparams));
  };
  const table = () => new SqTable();
  const d: Delegates = {
    integer: table(),
    float: table(),
    bool: table(),
    string: table(),
    table: table(),
    array: table(),
    function: table(),
    class: table(),
    instance: table(),
    generator: table(),
    weakref: table(),
  };

  const flt = (x: number) => ops.flt(x);
  const weakref = (self: SqValue): SqValue =>
    self === null || typeof self !== 'object' || self instanceof SqFloat ? self : new SqWeakRef(self);
  const tostring = (self: SqValue) => ops.tostring(self);
  const int = (args: SqValue[], i: number): number => {
    const v = args[i] ?? null;
    if (typeof v === 'number') return v;
    if (v instanceof SqFloat) return floatToInt(v.v);
    throw argTypeError(args, i, 'integer|float');
  };
  const fnArg = (args: SqValue[], i: number): SqValue => {
    const v = args[i] ?? null;
    if (!(v instanceof SqClosure || v instanceof SqNativeFunction)) throw argTypeError(args, i, 'function');
    return v;
  };
  for (const t of Object.values(d)) {
    def(t, 'tostring', 0, tostring);
    def(t, 'weakref', 0, weakref);
  }

  // ---- numbers and bool
  for (const t of [d.integer, d.float, d.bool]) {
    def(t, 'tofloat', 0, (self) => flt(typeof self === 'number' ? self : self instanceof SqFloat ? self.v : self ? 1 : 0));
    def(t, 'tointeger', 0, (self) =>
      typeof self === 'number' ? self : self instanceof SqFloat ? floatToInt(self.v) : self ? 1 : 0,
    );
  }
  for (const t of [d.integer, d.float]) {
    def(t, 'tochar', 0, (self) => {
      const n = typeof self === 'number' ? self : floatToInt((self as SqFloat).v);
      return String.fromCharCode(n & 0xff);
    });
  }

  // ---- string
  const S = d.string;
  def(S, 'len', 0, (self) => (self as string).length);
  def(S, 'tointeger', -1, (self, args) =>
    stringToInteger(self as string, args.length > 0 ? int(args, 0) : undefined, vm.floatBits),
  );
  def(S, 'tofloat', 0, (self) => stringToFloat(self as string, vm.floatBits));
  def(S, 'slice', -2, (self, args) => {
    const s = self as string;
    const [a, b] = sliceRange(s.length, args, int);
    return s.slice(a, b);
  });
  def(S, 'find', -2, (self, args) => {
    const s = self as string;
    const sub = args[0];
    if (typeof sub !== 'string') throw argTypeError(args, 0, 'string');
    const start = args.length > 1 ? int(args, 1) : 0;
    if (start < 0 || start > s.length) throw rtError('invalid index');
    const i = s.indexOf(sub, start);
    return i < 0 ? null : i;
  });
  def(S, 'tolower', 0, (self) => (self as string).replace(/[A-Z]+/g, (m) => m.toLowerCase()));
  def(S, 'toupper', 0, (self) => (self as string).replace(/[a-z]+/g, (m) => m.toUpperCase()));

  // ---- table
  const T = d.table;
  const tbl = (self: SqValue) => self as SqTable;
  def(T, 'len', 0, (self) => tbl(self).map.size);
  def(T, 'rawget', 1, (self, args) => {
    const v = ops.rawget(self, args[0]!);
    if (v === undefined) throw idxError(args[0]!);
    return v;
  });
  def(T, 'rawset', 2, (self, args) => {
    if (args[0] === null) throw rtError('null cannot be used as index');
    const k = args[0] instanceof SqFloat ? args[0].v : args[0]!;
    if (!tbl(self).map.has(k)) ops.allocate(40);
    tbl(self).map.set(k, args[1]!);
    return self;
  });
  def(T, 'rawdelete', 1, (self, args) => {
    const k = args[0] instanceof SqFloat ? args[0].v : args[0]!;
    const v = tbl(self).map.get(k);
    if (v === undefined) return null;
    tbl(self).map.delete(k);
    return v;
  });
  def(T, 'rawin', 1, (self, args) => ops.rawget(self, args[0]!) !== undefined);
  def(T, 'clear', 0, (self) => {
    tbl(self).map.clear();
    return self;
  });
  def(T, 'setdelegate', 1, (self, args) => {
    const dl = args[0]!;
    if (dl !== null && !(dl instanceof SqTable)) throw argTypeError(args, 0, 'table|null');
    for (let x: SqTable | null = dl; x !== null; x = x.delegate) if (x === self) throw rtError('delegate cycle detected');
    tbl(self).delegate = dl;
    return self;
  });
  def(T, 'getdelegate', 0, (self) => tbl(self).delegate);

  // ---- array
  const A = d.array;
  const arr = (self: SqValue) => self as SqValue[];
  def(A, 'len', 0, (self) => arr(self).length);
  const append = (self: SqValue, args: SqValue[]) => {
    ops.allocate(8);
    arr(self).push(args[0]!);
    return self;
  };
  def(A, 'append', 1, append);
  def(A, 'push', 1, append);
  def(A, 'extend', 1, (self, args) => {
    const other = args[0];
    if (!Array.isArray(other)) throw argTypeError(args, 0, 'array');
    ops.allocate(other.length * 8);
    for (const x of other) arr(self).push(x);
    return self;
  });
  def(A, 'pop', 0, (self) => {
    const a = arr(self);
    if (a.length === 0) throw rtError('empty array');
    return a.pop()!;
  });
  def(A, 'top', 0, (self) => {
    const a = arr(self);
    if (a.length === 0) throw rtError('empty array');
    return a[a.length - 1]!;
  });
  def(A, 'insert', 2, (self, args) => {
    const a = arr(self);
    const i = int(args, 0);
    if (i < 0 || i > a.length) throw rtError('index out of range');
    ops.allocate(8);
    a.splice(i, 0, args[1]!);
    return self;
  });
  def(A, 'remove', 1, (self, args) => {
    const a = arr(self);
    const i = int(args, 0);
    if (i < 0 || i >= a.length) throw rtError('idx out of range');
    return a.splice(i, 1)[0]!;
  });
  def(A, 'resize', -2, (self, args) => {
    const a = arr(self);
    const n = int(args, 0);
    if (n < 0) throw rtError('negative size');
    const fill = args.length > 1 ? args[1]! : null;
    if (n > a.length) {
      ops.allocate((n - a.length) * 8);
      for (let i = a.length; i < n; i++) a.push(fill);
    } else a.length = n;
    return self;
  });
  def(A, 'sort', -1, (self, args) => {
    const a = arr(self);
    const f = args.length > 0 ? fnArg(args, 0) : null;
    const cmp = f
      ? (x: SqValue, y: SqValue) => {
          const r = ops.callv(f, self, [x, y]);
          if (typeof r === 'number') return r;
          if (r instanceof SqFloat) return r.v;
          throw rtError('numeric value expected as return value of the compare function');
        }
      : (x: SqValue, y: SqValue) => ops.cmp(x, y);
    mergeSort(a, cmp);
    return self;
  });
  def(A, 'reverse', 0, (self) => {
    arr(self).reverse();
    return self;
  });
  def(A, 'slice', -2, (self, args) => {
    const a = arr(self);
    const [s, e] = sliceRange(a.length, args, int);
    return ops.mkarr(a.slice(s, e));
  });
  def(A, 'map', 1, (self, args) => {
    const f = fnArg(args, 0);
    const a = arr(self);
    const out: SqValue[] = [];
    for (let i = 0; i < a.length; i++) out.push(ops.callv(f, self, [a[i]!]));
    return ops.mkarr(out);
  });
  def(A, 'apply', 1, (self, args) => {
    const f = fnArg(args, 0);
    const a = arr(self);
    for (let i = 0; i < a.length; i++) a[i] = ops.callv(f, self, [a[i]!]);
    return self;
  });
  def(A, 'reduce', 1, (self, args) => {
    const f = fnArg(args, 0);
    const a = arr(self);
    if (a.length === 0) return null;
    let acc: SqValue = a[0]!;
    for (let i = 1; i < a.length; i++) acc = ops.callv(f, self, [acc, a[i]!]);
    return acc;
  });
  def(A, 'filter', 1, (self, args) => {
    const f = fnArg(args, 0);
    const a = arr(self);
    const out: SqValue[] = [];
    for (let i = 0; i < a.length; i++) if (ops.T(ops.callv(f, self, [i, a[i]!]))) out.push(a[i]!);
    return ops.mkarr(out);
  });
  def(A, 'find', 1, (self, args) => {
    const a = arr(self);
    for (let i = 0; i < a.length; i++) if (ops.eq(a[i]!, args[0]!)) return i;
    return null;
  });
  def(A, 'clear', 0, (self) => {
    arr(self).length = 0;
    return self;
  });

  // ---- function
  const F = d.function;
  def(F, 'call', -2, (self, args) => ops.callv(self, args[0]!, args.slice(1)));
  def(F, 'pcall', -2, (self, args) => ops.callv(self, args[0]!, args.slice(1)));
  const acall = (self: SqValue, args: SqValue[]) => {
    const a = args[0];
    if (!Array.isArray(a)) throw argTypeError(args, 0, 'array');
    if (a.length === 0) throw rtError('at least one parameter expected');
    return ops.callv(self, a[0]!, a.slice(1));
  };
  def(F, 'acall', 1, acall);
  def(F, 'pacall', 1, acall);
  def(F, 'bindenv', 1, (self, args) => {
    const env = args[0]!;
    if (env === null) throw rtError('invalid type');
    if (self instanceof SqClosure) return new SqClosure(self.fn, self.info, self.defaults, env, self.base);
    const n = self as SqNativeFunction;
    return new SqNativeFunction(n.name, n.impl, n.nparams, env);
  });
  def(F, 'getinfos', 0, (self) => {
    const t = new SqTable();
    if (self instanceof SqClosure) {
      const info = self.info;
      t.map.set('native', false);
      t.map.set('name', info.name);
      t.map.set('src', info.src);
      t.map.set('parameters', ['this', ...info.params, ...(info.varargs ? ['vargv'] : [])]);
      t.map.set('defparams', self.defaults.slice());
      t.map.set('varargs', info.varargs);
    } else {
      const n = self as SqNativeFunction;
      t.map.set('native', true);
      t.map.set('name', n.name);
      t.map.set('paramscheck', n.nparams === undefined ? 0 : n.nparams >= 0 ? n.nparams + 1 : n.nparams);
      t.map.set('typecheck', []);
    }
    return t;
  });

  // ---- class
  const C = d.class;
  const cls = (self: SqValue) => self as SqClass;
  def(C, 'instance', 0, (self) => {
    const c = cls(self);
    const inst = new SqInstance(c);
    c.locked = true;
    return inst.initFields();
  });
  def(C, 'getattributes', 1, (self, args) => {
    const k = args[0]!;
    if (k === null) return cls(self).classAttributes;
    if (!cls(self).members.has(k)) throw idxError(k);
    return cls(self).attributes.get(k) ?? null;
  });
  def(C, 'setattributes', 2, (self, args) => {
    const k = args[0]!;
    const c = cls(self);
    if (k === null) {
      const old = c.classAttributes;
      c.classAttributes = args[1]!;
      return old;
    }
    if (!c.members.has(k)) throw idxError(k);
    const old = c.attributes.get(k) ?? null;
    c.attributes.set(k, args[1]!);
    return old;
  });
  def(C, 'rawget', 1, (self, args) => {
    const v = cls(self).members.get(args[0]!);
    if (v === undefined) throw idxError(args[0]!);
    return v;
  });
  def(C, 'rawset', 2, (self, args) => {
    if (!ops.trySet(self, args[0]!, args[1]!)) ops.classMember(cls(self), args[0]!, args[1]!, false, null, false);
    return self;
  });
  def(C, 'rawin', 1, (self, args) => cls(self).members.has(args[0]!));
  const newmember = (fromBody: boolean) => (self: SqValue, args: SqValue[]) => {
    ops.classMember(cls(self), args[0]!, args[1] ?? null, ops.T(args[3] ?? null), args[2] ?? null, fromBody);
    return self;
  };
  def(C, 'newmember', -3, newmember(true));
  def(C, 'rawnewmember', -3, newmember(false));
  def(C, 'getbase', 0, (self) => cls(self).base);

  // ---- instance
  const I = d.instance;
  def(I, 'getclass', 0, (self) => (self as SqInstance).cls);
  def(I, 'rawget', 1, (self, args) => {
    const v = ops.rawget(self, args[0]!);
    if (v === undefined) throw idxError(args[0]!);
    return v;
  });
  def(I, 'rawset', 2, (self, args) => {
    const inst = self as SqInstance;
    if (!inst.fields.set(args[0]!, args[1]!)) throw idxError(args[0]!);
    return self;
  });
  def(I, 'rawin', 1, (self, args) => ops.rawget(self, args[0]!) !== undefined);

  // ---- generator, weakref
  def(d.generator, 'getstatus', 0, (self) => (self as SqGenerator).state);
  def(d.weakref, 'ref', 0, (self) => (self as SqWeakRef).target);

  return d;
}

/** slice(start[, end]) bounds as Squirrel checks them. */
function sliceRange(len: number, args: SqValue[], int: (a: SqValue[], i: number) => number): [number, number] {
  let s = int(args, 0);
  let e = args.length > 1 && args[1] !== null ? int(args, 1) : len;
  if (s < 0) s += len;
  if (e < 0) e += len;
  if (e < s) throw rtError('wrong indexes');
  if (s < 0 || e > len) throw rtError('slice out of range');
  return [s, e];
}

/** A stable merge sort that tolerates comparators throwing Squirrel errors. */
function mergeSort(a: SqValue[], cmp: (x: SqValue, y: SqValue) => number): void {
  if (a.length < 2) return;
  const tmp = a.slice();
  const sort = (lo: number, hi: number) => {
    if (hi - lo < 2) return;
    const mid = (lo + hi) >> 1;
    sort(lo, mid);
    sort(mid, hi);
    let i = lo;
    let j = mid;
    let k = lo;
    while (i < mid && j < hi) tmp[k++] = cmp(a[j]!, a[i]!) < 0 ? a[j++]! : a[i++]!;
    while (i < mid) tmp[k++] = a[i++]!;
    while (j < hi) tmp[k++] = a[j++]!;
    for (k = lo; k < hi; k++) a[k] = tmp[k]!;
  };
  sort(0, a.length);
}

export { isNumeric, typeName, SqThrow };
