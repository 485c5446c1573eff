// Argument checks for native functions, with Squirrel's own wording
// (sqapi.cpp sq_setparamscheck): `parameter 1 has an invalid type 'integer' ;
// expected: 'string'`. Squirrel counts `this` as parameter 0, so args[i] (which
// excludes `this`) is parameter i + 1.

import { SqClass, SqFloat, SqInstance, SqNativeFunction, SqTable, SqWeakRef, rtError } from '../value.js';
import type { SqThrow, SqValue } from '../value.js';
import { floatToInt } from './number-format.js';

/** type() of a value (closures and natives are both 'function'); ignores _typeof. */
export function typeName(v: SqValue): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'integer';
    case 'string':
      return 'string';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof SqFloat) return 'float';
  if (v instanceof SqTable) return 'table';
  if (v instanceof SqInstance) return 'instance';
  if (v instanceof SqClass) return 'class';
  if (v instanceof SqNativeFunction) return 'function';
  if (v instanceof SqWeakRef) return 'weakref';
  return v.kind === 'closure' ? 'function' : 'generator';
}

/** The type-check error for args[index]; `expected` as Squirrel lists it ('integer|float'). */
export function argTypeError(args: SqValue[], index: number, expected: string): SqThrow {
  return paramTypeError(index, args[index] ?? null, expected);
}

/** The same for a value already taken from the arguments (args[index]). */
export function paramTypeError(index: number, value: SqValue, expected: string): SqThrow {
  return rtError(`parameter ${index + 1} has an invalid type '${typeName(value)}' ; expected: '${expected}'`);
}

export function isNumber(v: SqValue): v is number | SqFloat {
  return typeof v === 'number' || v instanceof SqFloat;
}

/** The JS number of an integer or float (no type check). */
export function numberOf(v: number | SqFloat): number {
  return typeof v === 'number' ? v : v.v;
}

export function argString(args: SqValue[], index: number): string {
  const v = args[index];
  if (typeof v !== 'string') throw argTypeError(args, index, 'string');
  return v;
}

/** An 'n' parameter read as an integer (sq_getinteger truncates a float). */
export function argInt(args: SqValue[], index: number): number {
  const v = args[index] ?? null;
  if (typeof v === 'number') return v;
  if (v instanceof SqFloat) return floatToInt(v.v);
  throw argTypeError(args, index, 'integer|float');
}

/** An 'n' parameter read as a float. */
export function argFloat(args: SqValue[], index: number): number {
  const v = args[index] ?? null;
  if (typeof v === 'number') return v;
  if (v instanceof SqFloat) return v.v;
  throw argTypeError(args, index, 'integer|float');
}

/** An optional parameter: undefined when not passed. */
export function optInt(args: SqValue[], index: number): number | undefined {
  return index < args.length ? argInt(args, index) : undefined;
}
