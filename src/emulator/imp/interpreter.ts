// The Squirrel interpreter of src/squirrel as the imp runtime's engine.
import { compile, createVM, SqBudgetExceeded, SqCompileError, SqThrow } from '../../squirrel/index.js';
import type { CompileErrorOf, CompileFn } from './code-check.js';
import type { HostVM, SquirrelEngine } from './engine.js';

/** Compiled scripts by source, so that restarts and many devices on one deployment compile once. */
const cache = new Map<string, ReturnType<typeof compile>>();
const CACHE_SIZE = 200;

export const compileSource: CompileFn = (source, srcName) => {
  const key = `${srcName}\0${source}`;
  let s = cache.get(key);
  if (s) {
    cache.delete(key);
    cache.set(key, s);
    return s;
  }
  s = compile(source, srcName);
  cache.set(key, s);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return s;
};

export const compileErrorOf: CompileErrorOf = (e) =>
  e instanceof SqCompileError ? { message: e.message, line: e.line, column: e.column } : undefined;

/** The engine devices and agents run their code with. */
export const ENGINE: SquirrelEngine | undefined = {
  compile: compileSource,
  createVM: (opts) => createVM(opts) as HostVM,
  compileError: compileErrorOf,
  thrown: (e) => (e instanceof SqThrow ? { value: e.value, stack: e.sqStack } : undefined),
  isBudgetExceeded: (e) => e instanceof SqBudgetExceeded,
};
