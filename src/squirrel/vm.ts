// One Squirrel VM: root and constant tables, default delegates, the call stack,
// budget/depth/memory limits, and the host-facing methods.

import type { LibHost } from './lib/host.js';
import { compile, type Script } from './compiler.js';
import { installBaseLib } from './baselib.js';
import { installStdlib } from './lib/index.js';
import { makeDelegates, type Delegates } from './delegates.js';
import { SqBudgetExceeded, makeOps, typeName, tkey, keyValue, type Ops } from './runtime.js';
import {
  Frame,
  FuncInfo,
  SqClass,
  SqClosure,
  SqFloat,
  SqInstance,
  SqNativeFunction,
  SqTable,
  SqThrow,
  bytesToUtf8,
  rtError,
  utf8ToBytes,
  type NativeImpl,
  type SqValue,
} from './value.js';

export interface VMOptions {
  /** Float width: 32 on the device (default), 64 on agents. */
  floatBits?: 32 | 64;
  /** print(x): one call per line, text already decoded from UTF-8. */
  print?: (text: string) => void;
  /** error(x). */
  error?: (text: string) => void;
  /** Instruction budget per outermost run()/call() (function entries + loop iterations). */
  budget?: number;
  /** Maximum Squirrel call depth before `stack overflow`. */
  maxDepth?: number;
  /** Estimated bytes a single run()/call() may allocate before `out of memory`. */
  memoryLimit?: number;
  now?: () => number;
  cpuClock?: () => number;
  random?: () => number;
  /** Install the regexp2 class (agents; default true). */
  regexp2?: boolean;
}

export interface NativeClassSpec {
  constructor?: (vm: VM, inst: SqInstance, args: SqValue[]) => void;
  methods?: Record<string, NativeImpl | { impl: NativeImpl; nparams?: number }>;
  statics?: Record<string, SqValue>;
  typeofName?: string;
  base?: SqClass | null;
}

export class VM implements LibHost {
  readonly floatBits: 32 | 64;
  root = new SqTable();
  consts = new SqTable();
  /** Remaining budget of the current outermost run()/call(). */
  budget: number;
  readonly budgetLimit: number;
  depth = 0;
  readonly maxDepth: number;
  readonly memoryLimit: number;
  /** Bytes allocated (estimated) during the current outermost run()/call(). */
  mem = 0;
  readonly stack: Frame[] = [];
  readonly delegates: Delegates;
  readonly ops: Ops;
  errorHandler: SqValue = null;
  private readonly opts: VMOptions;
  private readonly clock0 = process.hrtime.bigint();

  constructor(opts: VMOptions = {}) {
    this.opts = opts;
    this.floatBits = opts.floatBits ?? 32;
    this.budgetLimit = opts.budget ?? 50_000_000;
    this.budget = this.budgetLimit;
    this.maxDepth = opts.maxDepth ?? 500;
    this.memoryLimit = opts.memoryLimit ?? 64 * 1024 * 1024;
    this.ops = makeOps(this);
    this.delegates = makeDelegates(this);
    installBaseLib(this);
    installStdlib(this, this.root, { regexp2: opts.regexp2 });
  }

  // ---------------------------------------------------------------- LibHost
  now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }
  cpuClock(): number {
    if (this.opts.cpuClock) return this.opts.cpuClock();
    return Number(process.hrtime.bigint() - this.clock0) / 1e9;
  }
  random(): number {
    return this.opts.random ? this.opts.random() : Math.random();
  }
  tostring(v: SqValue): string {
    return this.ops.tostring(v);
  }
  typeName(v: SqValue): string {
    return typeName(v);
  }
  allocate(bytes: number): void {
    this.ops.allocate(bytes);
  }
  /** Calls a closure/native/class from the host (or from a native function). */
  call(fn: SqValue, self: SqValue, args: SqValue[]): SqValue {
    return this.enterHost(() => this.ops.callv(fn, self, args));
  }

  // ---------------------------------------------------------------- output
  printText(bytes: string): void {
    (this.opts.print ?? ((t: string) => process.stdout.write(t + '\n')))(bytesToUtf8(bytes));
  }
  errorText(bytes: string): void {
    (this.opts.error ?? ((t: string) => process.stderr.write(t + '\n')))(bytesToUtf8(bytes));
  }

  // ---------------------------------------------------------------- host API
  /** Runs top-level code (a compiled Script or source text) in this VM. */
  run(script: Script | string, srcName = 'main'): SqValue {
    const s = typeof script === 'string' ? compile(script, srcName) : script;
    return this.enterHost(() => {
      const main = s.factory(this.ops, FuncInfo) as SqClosure;
      return this.ops.callv(main, this.root, []);
    });
  }

  setGlobal(name: string, value: SqValue): void {
    this.root.map.set(name, value);
  }
  getGlobal(name: string): SqValue | undefined {
    return this.root.map.get(name);
  }

  native(name: string, impl: NativeImpl, nparams?: number): SqNativeFunction {
    return new SqNativeFunction(name, impl, nparams);
  }

  nativeClass(name: string, spec: NativeClassSpec): SqClass {
    const cls = new SqClass(spec.base ?? null, name);
    if (spec.base) {
      for (const [k, v] of spec.base.members) cls.members.set(k, v);
      for (const k of spec.base.fieldKeys) cls.fieldKeys.add(k);
      cls.nativeConstructor = spec.base.nativeConstructor;
    }
    const ctor = Object.prototype.hasOwnProperty.call(spec, 'constructor') ? spec.constructor : undefined;
    if (typeof ctor === 'function') cls.nativeConstructor = (inst, args) => ctor(this, inst, args);
    for (const [k, m] of Object.entries(spec.methods ?? {})) {
      const fn = typeof m === 'function' ? new SqNativeFunction(k, m) : new SqNativeFunction(k, m.impl, m.nparams);
      cls.members.set(k, fn);
    }
    for (const [k, v] of Object.entries(spec.statics ?? {})) {
      cls.members.set(k, v);
      cls.statics.add(k);
    }
    if (spec.typeofName !== undefined) {
      const t = spec.typeofName;
      cls.members.set('_typeof', new SqNativeFunction('_typeof', () => t, 0));
    }
    return cls;
  }

  /** Plain data → Squirrel (strings are UTF-8 encoded to bytes; non-integral numbers become floats). */
  fromJS(x: unknown): SqValue {
    if (x === null || x === undefined) return null;
    switch (typeof x) {
      case 'boolean':
        return x;
      case 'number':
        return Number.isInteger(x) && x >= -2147483648 && x <= 2147483647 ? x : new SqFloat(this.floatBits === 32 ? Math.fround(x) : x);
      case 'string':
        return utf8ToBytes(x);
      case 'bigint':
        return Number(BigInt.asIntN(32, x));
    }
    if (Array.isArray(x)) return x.map((v) => this.fromJS(v));
    if (x instanceof SqTable || x instanceof SqInstance || x instanceof SqClass || x instanceof SqFloat) return x;
    if (typeof x === 'object') {
      const t = new SqTable();
      for (const [k, v] of Object.entries(x as Record<string, unknown>)) t.map.set(utf8ToBytes(k), this.fromJS(v));
      return t;
    }
    return null;
  }

  /** Squirrel → plain data (tables become objects with string keys; other references their tostring()). */
  toJS(v: SqValue): unknown {
    if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'string') return bytesToUtf8(v);
    if (v instanceof SqFloat) return v.v;
    if (Array.isArray(v)) return v.map((x) => this.toJS(x));
    if (v instanceof SqTable) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of v.map) o[bytesToUtf8(this.tostring(keyValue(k)))] = this.toJS(x);
      return o;
    }
    return bytesToUtf8(this.tostring(v));
  }

  /** Estimated bytes reachable from the root and constant tables. */
  memoryUsed(): number {
    const seen = new Set<unknown>();
    let total = 0;
    const walk = (v: SqValue) => {
      if (v === null || typeof v !== 'object') {
        if (typeof v === 'string') total += 16 + v.length;
        return;
      }
      if (seen.has(v)) return;
      seen.add(v);
      if (Array.isArray(v)) {
        total += 32 + v.length * 8;
        for (const x of v) walk(x);
      } else if (v instanceof SqTable) {
        total += 48 + v.map.size * 40;
        for (const [k, x] of v.map) {
          walk(k as SqValue);
          walk(x);
        }
        if (v.delegate) walk(v.delegate);
      } else if (v instanceof SqInstance) {
        total += 32 + v.slots.length * 16;
        for (const x of v.slots) walk(x);
        walk(v.cls);
        const n = v.native as { length?: unknown } | undefined;
        if (n && typeof n.length === 'number') total += n.length;
      } else if (v instanceof SqClass) {
        total += 64 + v.members.size * 32;
        for (const x of v.members.values()) walk(x);
      } else total += 32;
    };
    walk(this.root);
    walk(this.consts);
    return total;
  }

  /**
   * Runs fn as an entry from the host. The outermost entry resets the budget and
   * the allocation estimate. Errors leave as SqThrow (with the Squirrel stack)
   * or SqBudgetExceeded; nothing else escapes.
   */
  enterHost<T>(fn: () => T): T {
    const outer = this.depth === 0;
    if (outer) {
      this.budget = this.budgetLimit;
      this.mem = 0;
    }
    const depth = this.depth;
    try {
      return fn();
    } catch (e) {
      if (e instanceof SqBudgetExceeded) throw e;
      // Squirrel frames do not catch: the call stack (depth and frames) is
      // still as it was at the throw, so fix() records the trace here
      const x = this.ops.fix(e);
      if (x instanceof SqBudgetExceeded) throw x;
      const t = x as SqThrow;
      t.traced = true;
      if (outer && this.errorHandler !== null) {
        const h = this.errorHandler;
        this.depth = depth;
        try {
          this.ops.callv(h, this.root, [t.value]);
        } catch {
          // an error in the error handler is ignored
        }
      }
      throw t;
    } finally {
      this.depth = depth;
    }
  }

  /** compile() bound to this VM's error type (for hosts wanting one entry point). */
  compile(source: string, srcName: string): Script {
    return compile(source, srcName);
  }

  /** Raise a Squirrel error from host code. */
  error(message: string): SqThrow {
    return rtError(message);
  }

  /** Key conversion helper for hosts iterating tables. */
  static keyValue = keyValue;
  static tkey = tkey;
}
