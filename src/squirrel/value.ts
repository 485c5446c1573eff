// The value model of the Squirrel VM. Every part of src/squirrel (compiler,
// runtime, standard library) and every host speaks in these types.
//
// Representation (chosen for speed of the common integer/string paths):
// - null      → JS null
// - bool      → JS boolean
// - integer   → JS number, always a 32-bit signed integer (results go through `| 0`)
// - float     → SqFloat (boxed, so that 1 and 1.0 stay different types)
// - string    → JS string holding BYTES: every char code is 0..255 (UTF-8 source
//               is read as latin1), so len() and s[i] count bytes as on the imp.
//               Hosts convert with bytesToUtf8 / utf8ToBytes at their boundary.
// - array     → JS array of SqValue
// - table     → SqTable
// - class     → SqClass, instance → SqInstance (blob, regexp and host objects
//               are instances of native classes: their data lives in `native`)
// - function  → SqClosure (Squirrel code) or SqNativeFunction (host code)
// - generator → SqGenerator, weak reference → SqWeakRef

export type SqValue =
  | null
  | boolean
  | number
  | SqFloat
  | string
  | SqValue[]
  | SqTable
  | SqClass
  | SqInstance
  | SqClosure
  | SqNativeFunction
  | SqGenerator
  | SqWeakRef;

export class SqFloat {
  constructor(readonly v: number) {}
}

let nextAddress = 0x1000;
/** A stable fake address for `(table : 0x…)` texts. */
export function newAddress(): number {
  nextAddress += 0x18;
  return nextAddress;
}

/** Table keys: strings and integers as themselves; a float key by its number
 *  (so 1 and 1.0 are the same key, as in Squirrel); reference values by identity. */
export type SqKey = Exclude<SqValue, null | SqFloat> | number;

/**
 * A table's slots. `ver` changes with every write, so that a cache of a value
 * read from the table (the runtime's inline caches of globals) knows it is
 * still the table's value.
 */
export class TableMap extends Map<unknown, SqValue> {
  ver = 0;
  override set(k: unknown, v: SqValue): this {
    this.ver++;
    return super.set(k, v);
  }
  override delete(k: unknown): boolean {
    this.ver++;
    return super.delete(k);
  }
  override clear(): void {
    this.ver++;
    super.clear();
  }
}

export class SqTable {
  readonly map = new TableMap();
  delegate: SqTable | null = null;
  readonly address = newAddress();
}

/**
 * A class's members. Every change gives the class a new `shape`, so that a
 * cache keyed by the shape (the runtime's inline caches) knows the members it
 * resolved are still the class's members.
 */
export class MemberMap extends Map<unknown, SqValue> {
  constructor(private readonly owner: SqClass) {
    super();
  }
  override set(k: unknown, v: SqValue): this {
    super.set(k, v);
    this.owner.shape = {};
    return this;
  }
  override delete(k: unknown): boolean {
    this.owner.shape = {};
    return super.delete(k);
  }
  override clear(): void {
    this.owner.shape = {};
    super.clear();
  }
}

/**
 * A class's field keys. `index` gives each key its slot in `SqInstance.slots`:
 * keys are only ever added, so a slot never moves.
 */
export class FieldKeys extends Set<unknown> {
  readonly index = new Map<unknown, number>();
  override add(k: unknown): this {
    if (!this.index.has(k)) this.index.set(k, this.index.size);
    return super.add(k);
  }
  override delete(): boolean {
    throw new Error('field keys cannot be removed');
  }
  override clear(): void {
    throw new Error('field keys cannot be removed');
  }
}

export class SqClass {
  readonly address = newAddress();
  /** Identity of the current member set: replaced whenever `members` changes. */
  shape: object = {};
  /** Member defaults (fields and methods), copied into each instance. */
  readonly members: Map<unknown, SqValue> = new MemberMap(this);
  readonly statics = new Set<unknown>();
  /** Keys of per-instance fields (members that are not methods or statics), with their slots. */
  readonly fieldKeys = new FieldKeys();
  readonly attributes = new Map<unknown, SqValue>();
  classAttributes: SqValue = null;
  /** Set once the first instance exists: members can no longer be added. */
  locked = false;
  /** Native classes (blob, regexp, host objects) create instances through this. */
  nativeConstructor?: (inst: SqInstance, args: SqValue[]) => void;
  constructor(
    readonly base: SqClass | null,
    public name: string | null = null,
  ) {}
}

export class SqInstance {
  readonly address = newAddress();
  /**
   * Field values by slot (`cls.fieldKeys.index`). Shorter than the class's
   * field list only when fields were added to a class that was not locked when
   * this instance was made: those fields do not exist in this instance.
   */
  slots: SqValue[] = [];
  /** Host data of a native class instance (a blob's bytes, a compiled regexp, a pin). */
  native: unknown = undefined;
  constructor(readonly cls: SqClass) {}
  /** Sets every field to its class default (a new instance). */
  initFields(): this {
    const m = this.cls.members;
    const slots: SqValue[] = [];
    for (const k of this.cls.fieldKeys) slots.push(m.get(k) ?? null);
    this.slots = slots;
    return this;
  }
  /** The fields as a read/write map view (key → value); `slots` is the storage. */
  get fields(): InstanceFields {
    return new InstanceFields(this);
  }
}

/** A Map-like view of an instance's fields (for hosts and the less hot runtime paths). */
export class InstanceFields {
  constructor(private readonly inst: SqInstance) {}
  private slot(k: unknown): number {
    const i = this.inst.cls.fieldKeys.index.get(k);
    return i !== undefined && i < this.inst.slots.length ? i : -1;
  }
  get size(): number {
    return this.inst.slots.length;
  }
  has(k: unknown): boolean {
    return this.slot(k) >= 0;
  }
  get(k: unknown): SqValue | undefined {
    const i = this.slot(k);
    return i >= 0 ? this.inst.slots[i] : undefined;
  }
  /** Sets an existing field (instances have no new slots); false when there is none. */
  set(k: unknown, v: SqValue): boolean {
    const i = this.slot(k);
    if (i < 0) return false;
    this.inst.slots[i] = v;
    return true;
  }
  *keys(): IterableIterator<unknown> {
    const n = this.inst.slots.length;
    let i = 0;
    for (const k of this.inst.cls.fieldKeys) {
      if (i++ >= n) return;
      yield k;
    }
  }
  values(): IterableIterator<SqValue> {
    return this.inst.slots.values();
  }
  *entries(): IterableIterator<[unknown, SqValue]> {
    let i = 0;
    for (const k of this.keys()) yield [k, this.inst.slots[i++]!];
  }
  [Symbol.iterator](): IterableIterator<[unknown, SqValue]> {
    return this.entries();
  }
}

export class SqWeakRef {
  readonly address = newAddress();
  constructor(readonly target: SqValue) {}
}

/** Host (native) functions. `args` excludes `this`. */
export type NativeImpl = (vm: unknown, self: SqValue, args: SqValue[]) => SqValue;

export class SqNativeFunction {
  readonly address = newAddress();
  constructor(
    readonly name: string,
    readonly impl: NativeImpl,
    /** Number of arguments checked: n ≥ 0 exactly n, -n at least n-1 (Squirrel's nparamscheck without `this`); undefined: unchecked. */
    readonly nparams?: number,
    /** Environment bound by bindenv, if any. */
    public env?: SqValue,
  ) {}
}

/** What a compiled Squirrel function is: name, source, parameters (for errors, getinfos, arity checks). */
export class FuncInfo {
  constructor(
    /** null for anonymous functions (stack traces say `unknown`). */
    readonly name: string | null,
    readonly src: string,
    readonly line: number,
    readonly params: string[],
    readonly ndefaults: number,
    readonly varargs: boolean,
    readonly isGenerator: boolean,
  ) {}
}

/**
 * A Squirrel closure. `fn` is the compiled JavaScript function, called as
 * `closure.fn(thisValue, ...params[, vargv])` with JS `this` = the closure.
 * Free variables live in the JS closure of `fn`, so clones (bindenv, class
 * methods) share them, as Squirrel's outers are shared.
 */
export class SqClosure {
  readonly kind = 'closure' as const;
  readonly address = newAddress();
  /** Parameter count for the direct-call fast path; -1 for varargs functions. */
  readonly np: number;
  constructor(
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    readonly fn: Function,
    readonly info: FuncInfo,
    /** Values of the default parameters, evaluated when the closure was created. */
    readonly defaults: SqValue[],
    /** Environment bound by bindenv (used as `this`), undefined when unbound. */
    readonly env: SqValue | undefined = undefined,
    /** The base class of the class this method belongs to (`base`). */
    public base: SqClass | null = null,
  ) {
    this.np = info.varargs ? -1 : info.params.length;
  }
  get name(): string {
    return this.info.name ?? 'unknown';
  }
}

/** One activation on the VM's call stack (for error traces and getstackinfos). */
export class Frame {
  line = 0;
  /** The call depth of this activation (a Squirrel catch restores it). */
  d = 0;
  /**
   * The locals in scope, as name-value pairs, outermost first, kept by the
   * functions of scripts that call getstackinfos; valid while `locCl` is
   * `cl` (frames are reused by later calls).
   */
  loc: (() => [string, SqValue][]) | undefined = undefined;
  locCl: SqClosure | null = null;
  constructor(public cl: SqClosure | null = null) {
    if (cl) this.line = cl.info.line;
  }
}

export class SqGenerator {
  readonly kind = 'generator' as const;
  readonly address = newAddress();
  state: 'suspended' | 'running' | 'dead' = 'suspended';
  constructor(
    readonly it: Generator<SqValue, SqValue, undefined>,
    readonly frame: Frame,
  ) {}
}

/** A Squirrel-level exception: `throw x` or a runtime error (whose value is the message string). */
export class SqThrow extends Error {
  constructor(
    readonly value: SqValue,
    /** Call stack at the throw, innermost first. */
    public sqStack: StackFrame[] = [],
    /** Set once the runtime has recorded sqStack. */
    public traced = false,
  ) {
    super(typeof value === 'string' ? value : 'squirrel exception');
  }
}

export interface StackFrame {
  func: string;
  src: string;
  line: number;
}

/** A runtime error as Squirrel words it (`the index 'x' does not exist`). */
export function rtError(message: string): SqThrow {
  return new SqThrow(message);
}

export function bytesToUtf8(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}
export function utf8ToBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}
