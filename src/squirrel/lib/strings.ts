// The string library (sqstdstring): format, split, strip/lstrip/rstrip, the
// 3.1 additions escape/startswith/endswith, and the regexp and regexp2 classes.
// Strings are byte strings; functions built on C string calls stop at a NUL
// where the C original does.

import { SqClass, SqInstance, SqNativeFunction, SqTable, rtError } from '../value.js';
import type { SqValue } from '../value.js';
import { argString, optInt } from './args.js';
import { isSpace } from './ctype.js';
import { sqFormat } from './format.js';
import type { LibHost } from './host.js';
import { SqRegex } from './regexp.js';
import type { RexMatch } from './regexp.js';
import { SqRegex2 } from './regexp2.js';

/** The C string view of a byte string: everything before the first NUL. */
function cstr(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * split(str, seps): strtok — every byte of seps separates, runs of separators
 * count as one and empty tokens are dropped (so split("a,,b", ",") is ["a","b"]).
 */
export function split(str: string, seps: string): string[] {
  if (seps.length === 0) throw rtError('empty separators string');
  const sepSet = new Set(cstr(seps));
  const out: string[] = [];
  let token = '';
  for (const c of cstr(str)) {
    if (sepSet.has(c)) {
      if (token) out.push(token);
      token = '';
    } else token += c;
  }
  if (token) out.push(token);
  return out;
}

function leftEnd(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) !== 0 && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function rightEnd(s: string, from: number): number {
  let j = s.length;
  while (j > from && isSpace(s.charCodeAt(j - 1))) j--;
  return j;
}

export function strip(s: string): string {
  const i = leftEnd(s);
  return s.slice(i, rightEnd(s, i));
}

/** lstrip returns a C string (sq_pushstring with -1): it ends at a NUL. */
export function lstrip(s: string): string {
  return cstr(s.slice(leftEnd(s)));
}

export function rstrip(s: string): string {
  return s.slice(0, rightEnd(s, 0));
}

/** escape (3.1): printable bytes stay except \ " ' ; NUL is \0; every other byte is \xHH. */
export function escape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 || c === 34 || c === 39) out += `\\${s[i]}`;
    else if (c === 0) out += '\\0';
    else if (c >= 32 && c < 127) out += s[i];
    else out += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function matchTable(m: RexMatch): SqTable {
  const t = new SqTable();
  t.map.set('begin', m.begin);
  t.map.set('end', m.end);
  return t;
}

interface RegexEngine {
  match(text: string): boolean;
  search(text: string, start?: number): RexMatch | null;
  capture(text: string, start?: number): RexMatch[] | null;
  subexpCount(): number;
}

/** A regexp-like class whose instances hold a compiled engine in `native`. */
function regexClass(name: string, compile: (pattern: string) => RegexEngine): SqClass {
  const cls = new SqClass(null, name);
  const engineOf = (self: SqValue): RegexEngine => {
    if (!(self instanceof SqInstance) || self.native === undefined) throw rtError('invalid type tag');
    return self.native as RegexEngine;
  };
  const method = (m: string, nparams: number, impl: (e: RegexEngine, args: SqValue[]) => SqValue) =>
    cls.members.set(m, new SqNativeFunction(m, (_vm, self, args) => impl(engineOf(self), args), nparams));

  cls.nativeConstructor = (inst, args) => {
    inst.native = compile(argString(args, 0));
  };
  method('match', 1, (e, args) => e.match(argString(args, 0)));
  method('search', -2, (e, args) => {
    const m = e.search(argString(args, 0), optInt(args, 1) ?? 0);
    return m && matchTable(m);
  });
  method('capture', -2, (e, args) => {
    const ms = e.capture(argString(args, 0), optInt(args, 1) ?? 0);
    return ms && ms.map(matchTable);
  });
  method('subexpcount', 0, (e) => e.subexpCount());
  cls.members.set('_typeof', new SqNativeFunction('_typeof', () => name, 0));
  return cls;
}

export interface StringLibOptions {
  /** regexp2 exists on agents only (developer.electricimp.com); default true. */
  regexp2?: boolean;
}

export function installString(vm: LibHost, root: SqTable, options: StringLibOptions = {}): void {
  const fn = (name: string, nparams: number, impl: (args: SqValue[]) => SqValue) =>
    root.map.set(name, new SqNativeFunction(name, (_vm, _self, args) => impl(args), nparams));

  fn('format', -2, (args) => sqFormat(args, vm.floatBits));
  fn('split', 2, (args) => split(argString(args, 0), argString(args, 1)));
  fn('strip', 1, (args) => strip(argString(args, 0)));
  fn('lstrip', 1, (args) => lstrip(argString(args, 0)));
  fn('rstrip', 1, (args) => rstrip(argString(args, 0)));
  fn('escape', 1, (args) => escape(argString(args, 0)));
  fn('startswith', 2, (args) => argString(args, 0).startsWith(argString(args, 1)));
  fn('endswith', 2, (args) => argString(args, 0).endsWith(argString(args, 1)));
  root.map.set('regexp', regexClass('regexp', (p) => new SqRegex(p)));
  if (options.regexp2 ?? true) root.map.set('regexp2', regexClass('regexp2', (p) => new SqRegex2(p)));
}
