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

export class SqTable {
  readonly map = new Map<unknown, SqValue>();
  delegate: SqTable | null = null;
  readonly address = newAddress();
}

export class SqClass {
  readonly address = newAddress();
  /** Member defaults (fields and methods), copied into each instance. */
  readonly members = new Map<unknown, SqValue>();
  readonly statics = new Set<unknown>();
  /** Keys of per-instance fields (members that are not methods or statics). */
  readonly fieldKeys = new Set<unknown>();
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
  readonly fields = new Map<unknown, SqValue>();
  /** Host data of a native class instance (a blob's bytes, a compiled regexp, a pin). */
  native: unknown = undefined;
  constructor(readonly cls: SqClass) {}
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
