// Compiles the syntax tree to JavaScript source, instantiated with `new Function`.
//
// Conventions of the generated code:
// - a Squirrel function is `function($this, params..., [vargv])` called with JS
//   `this` = its SqClosure; locals are JS `let`s with unique names (JS closures
//   capture them by reference, exactly like Squirrel's outers);
// - every function enters a Frame ($enter) that counts budget and depth and
//   holds the current line (`$f.line = N` at statement starts) for error traces;
// - runtime helpers come from the per-VM Ops object (runtime.ts) as `$name`;
// - a script that names `getstackinfos` also keeps, in each frame, a function
//   listing the locals in scope (`$f.loc`): updated after each statement that
//   declares some, restored at the end of a block. Other scripts pay nothing.

import type { ClassDef, Expr, FuncDef, Stmt } from './ast.js';
import { SqCompileError } from './lexer.js';
import { parse } from './parser.js';
import { utf8ToBytes } from './value.js';

export interface Script {
  readonly srcName: string;
  /** The generated JavaScript (for debugging). */
  readonly js: string;
  /** Instantiates the script for one VM: returns the main closure. */
  readonly factory: (ops: unknown, FuncInfo: unknown) => unknown;
}

const OPS = [
  'flt', 'enter', 'budgetOut', 'fix', 'catchv', 'thr', 'closure', 'mkgen', 'T', 'mktable', 'mkarr',
  'add', 'sub', 'mul', 'div', 'mod', 'neg', 'band', 'bor', 'bxor', 'shl', 'shr', 'ushr', 'bnot',
  'eq', 'lt', 'le', 'gt', 'ge', 'cmp3', 'get', 'gget', 'set', 'gset', 'newslot', 'del', 'inop',
  'instof', 'typeOf', 'clone', 'callv', 'call0', 'call1', 'call2', 'call3', 'call4', 'mcall0',
  'mcall1', 'mcall2', 'mcall3', 'mcallv', 'ic', 'getc', 'setc', 'ggetc', 'gsetc', 'mc0', 'mc1', 'mc2', 'mc3', 'mkclass', 'getbase', 'resume', 'iter', 'setconst', 'Frame',
];

type ConstVal = { kind: 'value'; e: Expr } | { kind: 'enum'; members: Map<string, Expr> };

interface Breakable {
  label: string;
  loop: boolean;
}

class FnCtx {
  scopes: Map<string, string>[] = [new Map()];
  /** locals declared since the frame's list of locals was last extended (scripts that list them) */
  pending: { name: string; js: string; depth: number }[] = [];
  temps = 0;
  usesCl = false;
  breakables: Breakable[] = [];
  curLine = -1;
  constructor(
    readonly parent: FnCtx | null,
    readonly def: FuncDef,
  ) {}
  lookup(name: string): string | undefined {
    for (let c: FnCtx | null = this; c; c = c.parent) {
      for (let i = c.scopes.length - 1; i >= 0; i--) {
        const js = c.scopes[i]!.get(name);
        if (js !== undefined) return js;
      }
    }
    return undefined;
  }
  temp(): string {
    return `$${++this.temps}`;
  }
}

const BOOL_OPS = new Set(['==', '!=', '<', '>', '<=', '>=', 'in', 'instanceof']);
const CMP_FN: Record<string, string> = { '<': '$lt', '>': '$gt', '<=': '$le', '>=': '$ge' };
const BIT_FN: Record<string, string> = { '&': '$band', '|': '$bor', '^': '$bxor', '<<': '$shl', '>>': '$shr', '>>>': '$ushr' };
const ARITH_FN: Record<string, string> = { '+': '$add', '-': '$sub', '*': '$mul', '/': '$div', '%': '$mod' };
const COMPOUND: Record<string, string> = { '+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%' };

export function compile(source: string, srcName: string): Script {
  const bytes = utf8ToBytes(source);
  const ast = parse(bytes, srcName);
  const c = new Compiler(srcName, /\bgetstackinfos\b/.test(source));
  const main = c.compileFunction(ast, null);
  const js = `"use strict";\nconst {${OPS.map((o) => `${o}: $${o}`).join(', ')}} = $ops;\nconst $V = $ops.vm;\n${c.hoisted.join('\n')}\nreturn ${main};`;
  let factory: Script['factory'];
  try {
    factory = new Function('$ops', '$FuncInfo', js) as Script['factory'];
  } catch (e) {
    throw new SqCompileError(`internal compiler error: ${(e as Error).message}`, srcName, 1, 1);
  }
  return { srcName, js, factory };
}

class Compiler {
  hoisted: string[] = [];
  private uid = 0;
  private consts = new Map<string, ConstVal>();
  private fn!: FnCtx;

  constructor(
    private srcName: string,
    /** whether frames list their locals (getstackinfos) */
    private readonly locals: boolean,
  ) {}

  private err(msg: string, at: { line: number; col: number }): never {
    throw new SqCompileError(msg, this.srcName, at.line, at.col);
  }

  private hoist(prefix: string, init: string): string {
    const name = `$${prefix}${++this.uid}`;
    this.hoisted.push(`const ${name} = ${init};`);
    return name;
  }

  /** A hoisted inline cache for member/identifier k (see runtime IC). */
  private ic(k: string): string {
    return this.hoist('C', `$ic(${JSON.stringify(k)})`);
  }

  /** Reading the free identifier `name` through this. */
  private gget(name: string): string {
    return `$ggetc(${this.ic(name)}, $this)`;
  }

  private declare(name: string): string {
    const js = `${name}_${++this.uid}`;
    this.fn.scopes[this.fn.scopes.length - 1]!.set(name, js);
    if (this.locals) this.fn.pending.push({ name, js, depth: this.fn.scopes.length });
    return js;
  }

  /** Leaves a scope: its locals not yet listed never will be. */
  private popScope(): void {
    const ctx = this.fn;
    ctx.scopes.pop();
    ctx.pending = ctx.pending.filter((p) => p.depth <= ctx.scopes.length);
  }

  /** Extends the frame's list of locals by those declared since (before a statement, where they are set). */
  private listLocals(): string {
    const ctx = this.fn;
    if (ctx.pending.length === 0) return '';
    const added = ctx.pending.map((p) => `[${JSON.stringify(p.name)}, ${p.js}]`).join(', ');
    ctx.pending = [];
    return `{ const $p = $f.loc; $f.loc = () => { const l = $p(); l.push(${added}); return l; }; } `;
  }

  // ------------------------------------------------------------ functions
  /** Returns a JS expression creating the closure. */
  compileFunction(def: FuncDef, parent: FnCtx | null): string {
    const saved = this.fn;
    const ctx = new FnCtx(parent, def);
    this.fn = ctx;
    const params = def.params.map((p) => this.declare(p));
    if (def.varargs) ctx.scopes[0]!.set('vargv', 'vargv');
    const body = def.body.map((s) => this.stmt(s)).join('\n');
    const temps = ctx.temps > 0 ? `let ${Array.from({ length: ctx.temps }, (_, i) => `$${i + 1}`).join(', ')};\n` : '';
    const plist = ['$this', ...params, ...(def.varargs ? ['vargv'] : [])].join(', ');
    const info = this.hoist(
      'I',
      `new $FuncInfo(${JSON.stringify(def.name)}, ${JSON.stringify(this.srcName)}, ${def.line}, ${JSON.stringify(def.params)}, ${def.defaults.length}, ${def.varargs}, ${def.isGenerator})`,
    );
    // the locals listed from the start; the parameters follow at the first statement
    const loc = this.locals ? `$f.locCl = this; $f.loc = () => [["this", $this]${def.varargs ? ', ["vargv", vargv]' : ''}];\n` : '';
    let fnjs: string;
    if (def.isGenerator) {
      fnjs =
        `function(${plist}) {\nconst $cl = this;\nconst $f = new $Frame(this);\n${loc}` +
        `return $mkgen($f, (function*() {\n${temps}try {\n${body}\nreturn null;\n} catch ($e) { throw $fix($e); }\n})());\n}`;
    } else {
      // No try/finally: every return lowers the depth; an error leaves the
      // depth and frames as they were at the throw, for the host entry
      // (VM.enterHost) to record the trace and restore the depth, or for a
      // Squirrel catch to restore its own frame's depth.
      fnjs =
        `function(${plist}) {\n${ctx.usesCl ? 'const $cl = this;\n' : ''}const $f = $enter(this);\n${loc}${temps}` +
        `${body}\n$V.depth--;\nreturn null;\n}`;
    }
    this.fn = saved;
    const defaults = def.defaults.map((d) => this.expr(d)).join(', ');
    return `$closure(${fnjs}, ${info}, [${defaults}])`;
  }

  // ------------------------------------------------------------ statements
  private lineMark(line: number): string {
    if (this.fn.curLine === line) return '';
    this.fn.curLine = line;
    return `$f.line = ${line}; `;
  }

  private block(stmts: Stmt[]): string {
    this.fn.scopes.push(new Map());
    const out = stmts.map((s) => this.stmt(s)).join('\n');
    this.popScope();
    if (!this.locals) return `{\n${out}\n}`;
    const saved = `$ls${++this.uid}`;
    return `{ const ${saved} = $f.loc;\n${out}\n$f.loc = ${saved}; }`;
  }

  private scoped(s: Stmt): string {
    return s.t === 'block' ? this.block(s.body) : this.block([s]);
  }

  private label(loop: boolean): Breakable {
    const b = { label: `L${++this.uid}`, loop };
    this.fn.breakables.push(b);
    return b;
  }

  private budget(): string {
    return 'if (--$V.budget < 0) $budgetOut();';
  }

  private stmt(s: Stmt): string {
    if (!this.locals) return this.statement(s);
    const listed = this.listLocals();
    return listed + this.statement(s);
  }

  private statement(s: Stmt): string {
    const ctx = this.fn;
    switch (s.t) {
      case 'empty':
        return '';
      case 'expr':
        return this.lineMark(s.line) + this.expr(s.e, true) + ';';
      case 'local': {
        const mark = this.lineMark(s.line);
        const parts: string[] = [];
        for (const d of s.decls) {
          const init = d.init ? this.expr(d.init) : 'null';
          parts.push(`let ${this.declare(d.name)} = ${init};`);
        }
        return mark + parts.join(' ');
      }
      case 'localfn': {
        const mark = this.lineMark(s.line);
        const fn = this.compileFunction(s.fn, ctx);
        return `${mark}let ${this.declare(s.name)} = ${fn};`;
      }
      case 'block':
        return this.block(s.body);
      case 'if': {
        const mark = this.lineMark(s.line);
        const c = this.cond(s.c);
        const then = this.scoped(s.then);
        ctx.curLine = -1;
        const els = s.else ? ` else ${this.scoped(s.else)}` : '';
        ctx.curLine = -1;
        return `${mark}if (${c}) ${then}${els}`;
      }
      case 'while': {
        ctx.curLine = -1;
        const c = this.cond(s.c);
        const b = this.label(true);
        ctx.curLine = -1;
        const body = this.scoped(s.body);
        ctx.breakables.pop();
        ctx.curLine = -1;
        return `${b.label}: while (($f.line = ${s.line}, ${c})) { ${this.budget()}\n${body} }`;
      }
      case 'do': {
        ctx.curLine = -1;
        const b = this.label(true);
        const body = this.scoped(s.body);
        ctx.breakables.pop();
        ctx.curLine = -1;
        const c = this.cond(s.c);
        ctx.curLine = -1;
        return `${b.label}: do { ${this.budget()}\n${body} } while (($f.line = ${s.c.line}, ${c}));`;
      }
      case 'for': {
        ctx.scopes.push(new Map());
        const mark = this.lineMark(s.line);
        const init = s.init ? this.stmt(s.init) : '';
        ctx.curLine = -1;
        const c = s.c ? `($f.line = ${s.line}, ${this.cond(s.c)})` : '';
        const step = s.step ? this.expr(s.step, true) : '';
        const b = this.label(true);
        const body = this.scoped(s.body);
        ctx.breakables.pop();
        this.popScope();
        ctx.curLine = -1;
        return `{ ${mark}${init}\n${b.label}: for (; ${c}; ${step}) { ${this.budget()}\n${body} } }`;
      }
      case 'foreach': {
        const mark = this.lineMark(s.line);
        const e = this.expr(s.e);
        ctx.scopes.push(new Map());
        const it = `$it${++this.uid}`;
        const k = s.k ? this.declare(s.k) : null;
        const v = this.declare(s.v);
        const b = this.label(true);
        ctx.curLine = -1;
        const body = this.scoped(s.body);
        ctx.breakables.pop();
        this.popScope();
        ctx.curLine = -1;
        const decl = k ? `let ${k} = null, ${v} = null;` : `let ${v} = null;`;
        const assign = k ? `${k} = ${it}.k; ${v} = ${it}.v;` : `${v} = ${it}.v;`;
        return `{ ${mark}const ${it} = $iter(${e}); ${decl}\n${b.label}: while (${it}.next()) { ${this.budget()} ${assign}\n${body} } }`;
      }
      case 'switch': {
        const mark = this.lineMark(s.line);
        const e = this.expr(s.e);
        const sv = ctx.temp();
        const m = ctx.temp();
        const b = this.label(false);
        const parts: string[] = [];
        for (const cs of s.cases) {
          ctx.curLine = -1;
          const test = this.expr(cs.test);
          const body = this.block(cs.body);
          parts.push(`if (${m} || $eq(${sv}, ${test})) { ${m} = true; ${body} }`);
        }
        if (s.dflt) {
          ctx.curLine = -1;
          parts.push(this.block(s.dflt));
        }
        ctx.breakables.pop();
        ctx.curLine = -1;
        return `${mark}${b.label}: { ${sv} = ${e}; ${m} = false;\n${parts.join('\n')} }`;
      }
      case 'return': {
        const mark = this.lineMark(s.line);
        if (ctx.def.isGenerator) return `${mark}return ${s.e ? this.expr(s.e) : 'null'};`;
        const simple = s.e ? this.simple(s.e) ?? (s.e.t === 'this' || s.e.t === 'null' || s.e.t === 'bool' || s.e.t === 'str' ? this.expr(s.e) : null) : 'null';
        if (simple !== null) return `${mark}$V.depth--; return ${simple};`;
        return `${mark}{ const $r = ${this.expr(s.e!)}; $V.depth--; return $r; }`;
      }
      case 'yield': {
        const mark = this.lineMark(s.line);
        const r = `${mark}yield ${s.e ? this.expr(s.e) : 'null'};`;
        ctx.curLine = -1;
        return r;
      }
      case 'break': {
        const b = ctx.breakables[ctx.breakables.length - 1];
        if (!b) this.err("'break' has to be in a loop block", s);
        return `break ${b.label};`;
      }
      case 'continue': {
        for (let i = ctx.breakables.length - 1; i >= 0; i--) {
          const b = ctx.breakables[i]!;
          if (b.loop) return `continue ${b.label};`;
        }
        return this.err("'continue' has to be in a loop block", s);
      }
      case 'try': {
        const mark = this.lineMark(s.line);
        const body = this.scoped(s.body);
        ctx.curLine = -1;
        ctx.scopes.push(new Map());
        const v = this.declare(s.v);
        const handler = this.scoped(s.handler);
        this.popScope();
        ctx.curLine = -1;
        return `${mark}try ${body} catch ($e) { $V.depth = $f.d; let ${v} = $catchv($e); ${handler} }`;
      }
      case 'throw': {
        const mark = this.lineMark(s.line);
        return `${mark}throw $thr(${this.expr(s.e)});`;
      }
      case 'fnstmt': {
        const mark = this.lineMark(s.line);
        const fn = this.compileFunction(s.fn, ctx);
        const path = s.path;
        if (path.length === 1) return `${mark}$newslot($this, ${JSON.stringify(path[0])}, ${fn});`;
        let obj = `$gget($this, ${JSON.stringify(path[0])})`;
        for (let i = 1; i < path.length - 1; i++) obj = `$get(${obj}, ${JSON.stringify(path[i])})`;
        return `${mark}$newslot(${obj}, ${JSON.stringify(path[path.length - 1])}, ${fn});`;
      }
      case 'classstmt': {
        const mark = this.lineMark(s.line);
        const cls = this.classExpr(s.cls);
        const t = s.target;
        if (t.t === 'id') {
          if (ctx.lookup(t.name) !== undefined) this.err('cannot create a class in a local with the syntax(class <local>)', s);
          return `${mark}$newslot($this, ${JSON.stringify(t.name)}, ${cls});`;
        }
        if (t.t === 'member') return `${mark}$newslot(${this.objExpr(t.obj)}, ${this.expr(t.key)}, ${cls});`;
        return this.err('invalid class name', s);
      }
      case 'const': {
        this.consts.set(s.name, { kind: 'value', e: s.value });
        return `$setconst(${JSON.stringify(s.name)}, ${this.expr(s.value)});`;
      }
      case 'enum': {
        const members = new Map<string, Expr>();
        for (const m of s.members) members.set(m.name, m.value);
        this.consts.set(s.name, { kind: 'enum', members });
        const kv = s.members.map((m) => `${JSON.stringify(m.name)}, ${this.expr(m.value)}`).join(', ');
        return `$setconst(${JSON.stringify(s.name)}, $mktable([${kv}]));`;
      }
    }
  }

  // ------------------------------------------------------------ expressions
  private isBool(e: Expr): boolean {
    switch (e.t) {
      case 'bool':
        return true;
      case 'bin':
        return BOOL_OPS.has(e.op);
      case 'un':
        return e.op === '!';
      case 'and':
      case 'or':
        return this.isBool(e.l) && this.isBool(e.r);
      default:
        return false;
    }
  }

  /** A JS boolean expression for a Squirrel condition. */
  private cond(e: Expr): string {
    if (e.t === 'and') return `(${this.cond(e.l)} && ${this.cond(e.r)})`;
    if (e.t === 'or') return `(${this.cond(e.l)} || ${this.cond(e.r)})`;
    if (e.t === 'un' && e.op === '!') return `!${this.cond(e.e)}`;
    const js = this.expr(e);
    return this.isBool(e) ? js : `$T(${js})`;
  }

  /** A side-effect-free, cheap operand that can be repeated in the generated code. */
  private simple(e: Expr): string | null {
    switch (e.t) {
      case 'int':
        return e.v < 0 ? `(${e.v})` : String(e.v);
      case 'id': {
        const js = this.fn.lookup(e.name);
        return js ?? null;
      }
      default:
        return null;
    }
  }

  private constOf(name: string): ConstVal | undefined {
    if (this.fn.lookup(name) !== undefined) return undefined;
    return this.consts.get(name);
  }

  /** The object part of a member expression. */
  private objExpr(e: Expr): string {
    if (e.t === 'root') return '$V.root';
    if (e.t === 'base') {
      const local = this.fn.lookup('base');
      if (local !== undefined) return local;
      this.fn.usesCl = true;
      return '$getbase($cl)';
    }
    return this.expr(e);
  }

  expr(e: Expr, discard = false): string {
    switch (e.t) {
      case 'int':
        return e.v < 0 ? `(${e.v})` : String(e.v);
      case 'float':
        return this.hoist('K', `$flt(${Object.is(e.v, -0) ? '-0' : String(e.v)})`);
      case 'str':
        return JSON.stringify(e.v);
      case 'bool':
        return String(e.v);
      case 'null':
        return 'null';
      case 'this':
        return '$this';
      case 'base':
        return this.objExpr(e);
      case 'root':
        return '$V.root';
      case 'id': {
        const js = this.fn.lookup(e.name);
        if (js !== undefined) return js;
        const c = this.consts.get(e.name);
        if (c) {
          if (c.kind === 'value') return this.expr(c.e);
          return this.gget(e.name);
        }
        return this.gget(e.name);
      }
      case 'member': {
        if (e.obj.t === 'id' && e.key.t === 'str') {
          const c = this.constOf(e.obj.name);
          if (c && c.kind === 'enum') {
            const m = c.members.get(e.key.v);
            if (m) return this.expr(m);
          }
        }
        if (e.key.t === 'str') return `$getc(${this.ic(e.key.v)}, ${this.objExpr(e.obj)})`;
        return `$get(${this.objExpr(e.obj)}, ${this.expr(e.key)})`;
      }
      case 'call':
        return this.call(e);
      case 'bin':
        return this.binary(e.op, e.l, e.r);
      case 'and':
      case 'or': {
        if (this.isBool(e)) return this.cond(e);
        const t = this.fn.temp();
        const l = this.expr(e.l);
        const r = this.expr(e.r);
        return e.t === 'and' ? `($T(${t} = ${l}) ? ${r} : ${t})` : `($T(${t} = ${l}) ? ${t} : ${r})`;
      }
      case 'un': {
        const a = this.expr(e.e);
        switch (e.op) {
          case '-':
            return `$neg(${a})`;
          case '!':
            return `!${this.cond(e.e)}`;
          case '~':
            return `$bnot(${a})`;
          case 'typeof':
            return `$typeOf(${a})`;
          case 'clone':
            return `$clone(${a})`;
          case 'resume':
            return `$resume(${a})`;
        }
        return this.err('unknown operator', e);
      }
      case 'assign':
        return this.assign(e.op, e.target, e.value, e);
      case 'incdec':
        return this.incdec(e.op, e.prefix || discard, e.target);
      case 'cond':
        return `(${this.cond(e.c)} ? ${this.expr(e.a)} : ${this.expr(e.b)})`;
      case 'comma':
        return `(${e.list.map((x, i) => this.expr(x, discard || i < e.list.length - 1)).join(', ')})`;
      case 'array':
        return `$mkarr([${e.items.map((x) => this.expr(x)).join(', ')}])`;
      case 'table':
        return `$mktable([${e.slots.map((s) => `${this.expr(s.key)}, ${this.expr(s.value)}`).join(', ')}])`;
      case 'func':
        return this.compileFunction(e.fn, this.fn);
      case 'class':
        return this.classExpr(e.cls);
      case 'delete': {
        const t = e.target;
        if (t.t !== 'member') return this.err("can't delete an expression", e);
        return `$del(${this.objExpr(t.obj)}, ${this.expr(t.key)})`;
      }
    }
  }

  private classExpr(c: ClassDef): string {
    const base = c.base ? this.expr(c.base) : 'null';
    const attrs = c.attrs ? this.expr(c.attrs) : 'null';
    const members = c.members
      .map((m) => `${this.expr(m.key)}, ${this.expr(m.value)}, ${m.isStatic}, ${m.attrs ? this.expr(m.attrs) : 'null'}`)
      .join(',\n');
    return `$mkclass(${base}, ${attrs}, [${members}])`;
  }

  private binary(op: string, le: Expr, re: Expr): string {
    const sl = this.simple(le);
    const sr = this.simple(re);
    const l = sl ?? this.expr(le);
    const r = sr ?? this.expr(re);
    const both = sl !== null && sr !== null;
    switch (op) {
      case '+':
      case '-':
        if (both) return `(typeof ${l} === 'number' && typeof ${r} === 'number' ? (${l} ${op} ${r}) | 0 : ${ARITH_FN[op]}(${l}, ${r}))`;
        return `${ARITH_FN[op]}(${l}, ${r})`;
      case '*':
        if (both) return `(typeof ${l} === 'number' && typeof ${r} === 'number' ? Math.imul(${l}, ${r}) : $mul(${l}, ${r}))`;
        return `$mul(${l}, ${r})`;
      case '/':
      case '%':
        return `${ARITH_FN[op]}(${l}, ${r})`;
      case '==':
        return both ? `(${l} === ${r} || $eq(${l}, ${r}))` : `$eq(${l}, ${r})`;
      case '!=':
        return both ? `(${l} !== ${r} && !$eq(${l}, ${r}))` : `!$eq(${l}, ${r})`;
      case '<':
      case '>':
      case '<=':
      case '>=':
        if (both) return `(typeof ${l} === 'number' && typeof ${r} === 'number' ? ${l} ${op} ${r} : ${CMP_FN[op]}(${l}, ${r}))`;
        return `${CMP_FN[op]}(${l}, ${r})`;
      case '<=>':
        return `$cmp3(${l}, ${r})`;
      case 'in':
        return `$inop(${l}, ${r})`;
      case 'instanceof':
        return `$instof(${l}, ${r})`;
      default: {
        const fn = BIT_FN[op];
        if (!fn) return this.err(`unknown operator ${op}`, le);
        if (both) {
          const jsop = op === '>>>' ? '>>>' : op;
          const res = op === '>>>' ? `(${l} >>> ${r}) | 0` : `${l} ${jsop} ${r}`;
          return `(typeof ${l} === 'number' && typeof ${r} === 'number' ? ${res} : ${fn}(${l}, ${r}))`;
        }
        return `${fn}(${l}, ${r})`;
      }
    }
  }

  /** JS for `cur OP value` where cur is a (repeatable) JS expression. */
  private arithOn(op: string, cur: string, value: string, valueSimple: boolean): string {
    if (valueSimple && (op === '+' || op === '-'))
      return `(typeof ${cur} === 'number' && typeof ${value} === 'number' ? (${cur} ${op} ${value}) | 0 : ${ARITH_FN[op]}(${cur}, ${value}))`;
    return `${ARITH_FN[op]}(${cur}, ${value})`;
  }

  private assign(op: string, target: Expr, value: Expr, at: Expr): string {
    const ctx = this.fn;
    if (target.t === 'id') {
      const js = ctx.lookup(target.name);
      const name = JSON.stringify(target.name);
      if (js !== undefined) {
        if (op === '<-') this.err("can't 'create' a local slot", at);
        const sv = this.simple(value);
        const v = sv ?? this.expr(value);
        if (op === '=') return `(${js} = ${v})`;
        return `(${js} = ${this.arithOn(COMPOUND[op]!, js, v, sv !== null)})`;
      }
      const v = this.expr(value);
      const gset = `$gsetc(${this.ic(target.name)}, $this, `;
      if (op === '=') return `${gset}${v})`;
      if (op === '<-') return `$newslot($this, ${name}, ${v})`;
      return `${gset}${ARITH_FN[COMPOUND[op]!]}(${this.gget(target.name)}, ${v}))`;
    }
    if (target.t === 'member') {
      const o = this.objExpr(target.obj);
      const k = this.expr(target.key);
      const v = this.expr(value);
      const ks = target.key.t === 'str' ? target.key.v : null;
      if (op === '=') return ks !== null ? `$setc(${this.ic(ks)}, ${o}, ${v})` : `$set(${o}, ${k}, ${v})`;
      if (op === '<-') return `$newslot(${o}, ${k}, ${v})`;
      const to = ctx.temp();
      if (ks !== null)
        return `(${to} = ${o}, $setc(${this.ic(ks)}, ${to}, ${ARITH_FN[COMPOUND[op]!]}($getc(${this.ic(ks)}, ${to}), ${v})))`;
      const tk = ctx.temp();
      return `(${to} = ${o}, ${tk} = ${k}, $set(${to}, ${tk}, ${ARITH_FN[COMPOUND[op]!]}($get(${to}, ${tk}), ${v})))`;
    }
    return this.err("can't assign expression", at);
  }

  private incdec(op: '++' | '--', prefix: boolean, target: Expr): string {
    const ctx = this.fn;
    const a = op === '++' ? '+' : '-';
    const fn = op === '++' ? '$add' : '$sub';
    if (target.t === 'id') {
      const js = ctx.lookup(target.name);
      if (js !== undefined) {
        if (prefix) return `(${js} = typeof ${js} === 'number' ? (${js} ${a} 1) | 0 : ${fn}(${js}, 1))`;
        const t = ctx.temp();
        return `(${t} = ${js}, ${js} = typeof ${t} === 'number' ? (${t} ${a} 1) | 0 : ${fn}(${t}, 1), ${t})`;
      }
      const name = JSON.stringify(target.name);
      const gset = `$gsetc(${this.ic(target.name)}, $this, `;
      if (prefix) return `${gset}${fn}(${this.gget(target.name)}, 1))`;
      const t = ctx.temp();
      return `(${t} = ${this.gget(target.name)}, ${gset}${fn}(${t}, 1)), ${t})`;
    }
    if (target.t === 'member') {
      const to = ctx.temp();
      const o = this.objExpr(target.obj);
      if (target.key.t === 'str') {
        const get = `$getc(${this.ic(target.key.v)}, ${to})`;
        const set = `$setc(${this.ic(target.key.v)}, ${to}, `;
        if (prefix) return `(${to} = ${o}, ${set}${fn}(${get}, 1)))`;
        const t = ctx.temp();
        return `(${to} = ${o}, ${t} = ${get}, ${set}${fn}(${t}, 1)), ${t})`;
      }
      const tk = ctx.temp();
      const k = this.expr(target.key);
      if (prefix) return `(${to} = ${o}, ${tk} = ${k}, $set(${to}, ${tk}, ${fn}($get(${to}, ${tk}), 1)))`;
      const t = ctx.temp();
      return `(${to} = ${o}, ${tk} = ${k}, ${t} = $get(${to}, ${tk}), $set(${to}, ${tk}, ${fn}(${t}, 1)), ${t})`;
    }
    return this.err("can't '++' or '--' an expression", target);
  }

  private call(e: Extract<Expr, { t: 'call' }>): string {
    const args = e.args.map((a) => this.expr(a));
    const n = args.length;
    const ctx = this.fn;
    let mark = '';
    if (e.line !== ctx.curLine && ctx.curLine !== -1) mark = `$f.line = ${e.line}, `;
    const wrap = (s: string) => (mark ? `(${mark}${s})` : s);
    const fe = e.fn;
    if (fe.t === 'member' && (fe.obj.t !== 'base' || this.fn.lookup('base') !== undefined)) {
      const enumFold = fe.obj.t === 'id' && fe.key.t === 'str' && this.constOf(fe.obj.name)?.kind === 'enum';
      if (!enumFold) {
        const o = this.objExpr(fe.obj);
        if (fe.key.t === 'str' && n <= 3) return wrap(`$mc${n}(${[this.ic(fe.key.v), o, ...args].join(', ')})`);
        const k = this.expr(fe.key);
        if (n <= 3) return wrap(`$mcall${n}(${[o, k, ...args].join(', ')})`);
        return wrap(`$mcallv(${o}, ${k}, [${args.join(', ')}])`);
      }
    }
    const f = this.expr(fe);
    if (n <= 4) return wrap(`$call${n}(${[f, '$this', ...args].join(', ')})`);
    return wrap(`$callv(${f}, $this, [${args.join(', ')}])`);
  }
}
