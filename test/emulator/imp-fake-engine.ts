// A stand-in for the Squirrel interpreter with the host API's shape, for
// testing the imp runtime (event loops, messages, agent HTTP, lifecycle)
// without it: a "program" is a JS function registered under a name; the
// source `@fake:name` runs it. Callbacks are native functions.
import { SqNativeFunction, SqTable, SqThrow, type SqValue, type StackFrame } from '../../src/squirrel/value.js';
import type { HostVM, SquirrelEngine, VmOptions } from '../../src/emulator/imp/engine.js';

export class FakeCompileError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}
export class FakeBudget extends Error {}

export interface Api {
  vm: FakeVM;
  /** calls a root-table native by dotted path: call('server.log', 'x') */
  call(path: string, ...args: SqValue[]): SqValue;
  /** a callback value */
  fn(impl: (...args: SqValue[]) => SqValue | void): SqNativeFunction;
  get(path: string): SqValue;
  /** throws like an uncaught Squirrel error at the given frames */
  fail(message: string, stack?: StackFrame[]): never;
  /** runs forever (the budget ends it) */
  spin(): never;
}

export type Program = (api: Api) => void;
export const programs = new Map<string, Program>();

export class FakeVM implements HostVM {
  readonly root = new SqTable();
  constructor(readonly opts: VmOptions) {}
  setGlobal(name: string, value: SqValue): void {
    this.root.map.set(name, value);
  }
  getGlobal(name: string): SqValue | undefined {
    return this.root.map.get(name);
  }
  run(script: unknown): SqValue {
    (script as Program)(this.api());
    return null;
  }
  call(fn: SqValue, self: SqValue, args: SqValue[]): SqValue {
    if (fn instanceof SqNativeFunction) return fn.impl(this, self, args);
    throw new SqThrow(`attempt to call '${typeof fn}'`);
  }
  tostring(v: SqValue): string {
    if (v instanceof SqTable) return '(table : 0x0001)';
    return String(v);
  }
  memoryUsed(): number {
    return 1000;
  }
  get(path: string): SqValue {
    let cur: SqValue = this.root;
    for (const k of path.split('.')) cur = (cur as SqTable).map.get(k) ?? null;
    return cur;
  }
  api(): Api {
    return {
      vm: this,
      call: (path, ...args) => {
        const parts = path.split('.');
        const self = parts.length > 1 ? this.get(parts.slice(0, -1).join('.')) : this.root;
        return this.call(this.get(path), self, args);
      },
      fn: (impl) => new SqNativeFunction('cb', (_vm, _self, args) => impl(...args) ?? null),
      get: (path) => this.get(path),
      fail: (message, stack = [{ func: 'main', src: 'device_code', line: 1 }]) => {
        throw new SqThrow(message, stack);
      },
      spin: () => {
        throw new FakeBudget('budget');
      },
    };
  }
}

export const fakeEngine: SquirrelEngine = {
  compile(source) {
    const m = /^@fake:(\S+)/.exec(source);
    if (m) {
      const p = programs.get(m[1]!);
      if (!p) throw new FakeCompileError(`unknown program ${m[1]}`, 1, 1);
      return p;
    }
    if (source.includes('SYNTAX')) throw new FakeCompileError('expression expected', 1, source.indexOf('SYNTAX') + 1);
    return () => {};
  },
  createVM: (opts) => new FakeVM(opts),
  compileError: (e) => (e instanceof FakeCompileError ? { message: e.message, line: e.line, column: e.column } : undefined),
  thrown: (e) => (e instanceof SqThrow ? { value: e.value, stack: e.sqStack } : undefined),
  isBudgetExceeded: (e) => e instanceof FakeBudget,
};
