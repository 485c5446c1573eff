// The Squirrel interpreter of src/squirrel as the imp runtime's engine.
// Until the interpreter runs programs, only its parser is used: deployments
// are compile-checked, and devices keep printing their code's literal
// server.log lines (sim/squirrel.ts).
import { SqCompileError } from '../../squirrel/lexer.js';
import { parse } from '../../squirrel/parser.js';
import type { CompileErrorOf, CompileFn } from './code-check.js';
import type { SquirrelEngine } from './engine.js';

export const compileSource: CompileFn = (source, srcName) => parse(source, srcName);

export const compileErrorOf: CompileErrorOf = (e) =>
  e instanceof SqCompileError ? { message: e.message, line: e.line, column: e.column } : undefined;

/** The engine devices run their code with (undefined: no interpreter yet). */
export const ENGINE: SquirrelEngine | undefined = undefined;
