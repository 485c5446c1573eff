// What the imp runtime needs from a Squirrel interpreter: the host API of
// src/squirrel (compile, createVM, the error classes), as a structural
// interface so that the event loop, messages, agent HTTP and lifecycle can be
// tested with a small fake engine, and the emulator can run without one.
import type { SqTable, SqValue, StackFrame } from '../../squirrel/value.js';

export interface VmOptions {
  floatBits: 32 | 64;
  print: (text: string) => void;
  error: (text: string) => void;
  budget: number;
  memoryLimit: number;
  now: () => number;
}

/** One Squirrel VM (the host API's VM object, the parts the imp runtime uses). */
export interface HostVM {
  readonly root: SqTable;
  setGlobal(name: string, value: SqValue): void;
  getGlobal(name: string): SqValue | undefined;
  run(script: unknown, srcName?: string): SqValue;
  call(fn: SqValue, self: SqValue, args: SqValue[]): SqValue;
  tostring(v: SqValue): string;
  memoryUsed(): number;
}

export interface CompileErrorInfo {
  message: string;
  line: number;
  column: number;
}

export interface SquirrelEngine {
  /** Compiles a program; throws the engine's compile error. */
  compile(source: string, srcName: string): unknown;
  createVM(opts: VmOptions): HostVM;
  /** line/column of a compile error, undefined for anything else. */
  compileError(e: unknown): CompileErrorInfo | undefined;
  /** The thrown value and stack of an uncaught Squirrel error, undefined for anything else. */
  thrown(e: unknown): { value: SqValue; stack: StackFrame[] } | undefined;
  /** Whether `e` is the end of the instruction budget. */
  isBudgetExceeded(e: unknown): boolean;
}
