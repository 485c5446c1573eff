// Host API of the Squirrel interpreter: compile scripts, create VMs, run code,
// call Squirrel functions and convert values. See docs/squirrel.md.

import { compile as compileScript, type Script } from './compiler.js';
import { VM, type VMOptions, type NativeClassSpec } from './vm.js';

export { SqCompileError } from './lexer.js';
export { SqBudgetExceeded, typeName } from './runtime.js';
export * from './value.js';
export { VM };
export type { Script, VMOptions, NativeClassSpec };

/** Compiles Squirrel source (a JS string of UTF-8 text) once; run it in any number of VMs. Throws SqCompileError. */
export function compile(source: string, srcName: string): Script {
  return compileScript(source, srcName);
}

/** A new, independent VM with the base library and default delegates installed. */
export function createVM(options: VMOptions = {}): VM {
  return new VM(options);
}
