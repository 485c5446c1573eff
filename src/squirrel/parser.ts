// Recursive-descent parser for Squirrel 3.0.4, following sqcompiler.cpp's grammar
// and error texts.

import type { ClassDef, ClassMember, Expr, FuncDef, Pos, Stmt, SwitchCase } from './ast.js';
import { SqCompileError, tokenize, type Token } from './lexer.js';

export function parse(src: string, srcName: string): FuncDef {
  return new Parser(tokenize(src, srcName), srcName).parseProgram();
}

type E<T extends Expr['t']> = Extract<Expr, { t: T }>;

const TOKEN_NAMES: Record<string, string> = {
  id: 'IDENTIFIER',
  str: 'STRING_LITERAL',
  int: 'INTEGER',
  float: 'FLOAT',
};

class Parser {
  private p = 0;
  private tok: Token;
  private prev: Token | null = null;
  /** Function nesting state: does the current function contain yield? */
  private fnStack: { gen: boolean }[] = [];
  private loopDepth = 0;
  private switchDepth = 0;

  constructor(
    private toks: Token[],
    private srcName: string,
  ) {
    this.tok = toks[0]!;
  }

  // ---- token helpers ----
  private next(): Token {
    const t = this.tok;
    this.prev = t;
    this.p++;
    this.tok = this.toks[this.p]!;
    return t;
  }
  private error(msg: string, at: Token = this.tok): never {
    throw new SqCompileError(msg, this.srcName, at.line, at.col);
  }
  private isOp(text: string): boolean {
    return this.tok.kind === 'op' && this.tok.text === text;
  }
  private isKw(text: string): boolean {
    return this.tok.kind === 'kw' && this.tok.text === text;
  }
  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.error(`expected '${text}'`);
    return this.next();
  }
  private expectKw(text: string): Token {
    if (!this.isKw(text)) this.error(`expected '${text}'`);
    return this.next();
  }
  private expectId(): string {
    if (this.tok.kind === 'id' || this.isKw('constructor') || this.isKw('base')) return this.next().text;
    return this.error(`expected '${TOKEN_NAMES.id}'`);
  }
  private pos(t: Token = this.tok): Pos {
    return { line: t.line, col: t.col };
  }
  private isEndOfStatement(): boolean {
    return this.tok.nl || this.tok.kind === 'eof' || this.isOp('}') || this.isOp(';');
  }
  private optionalSemicolon(): void {
    if (this.isOp(';')) {
      this.next();
      return;
    }
    if (!this.isEndOfStatement()) this.error('end of statement expected (; or lf)');
  }

  // ---- program / statements ----
  parseProgram(): FuncDef {
    this.fnStack.push({ gen: false });
    const body: Stmt[] = [];
    while (this.tok.kind !== 'eof') {
      body.push(this.statement());
      this.afterStatement();
    }
    const f = this.fnStack.pop()!;
    return { name: 'main', params: [], defaults: [], varargs: true, body, isGenerator: f.gen, line: 1, col: 1 };
  }

  private afterStatement(): void {
    const pv = this.prev;
    if (pv && pv.kind === 'op' && (pv.text === '}' || pv.text === ';')) return;
    this.optionalSemicolon();
  }

  private statements(until: (p: Parser) => boolean): Stmt[] {
    const body: Stmt[] = [];
    while (!until(this)) {
      if (this.tok.kind === 'eof') this.error('expected \'}\'');
      body.push(this.statement());
      this.afterStatement();
    }
    return body;
  }

  /** A statement used as the body of if/while/for: the terminator is handled here. */
  private subStatement(elseAllowed = false): Stmt {
    const s = this.statement();
    const pv = this.prev;
    if (pv && pv.kind === 'op' && (pv.text === '}' || pv.text === ';')) return s;
    if (elseAllowed && this.isKw('else')) return s;
    this.optionalSemicolon();
    return s;
  }

  private statement(): Stmt {
    const t = this.tok;
    const at = this.pos();
    if (t.kind === 'op') {
      if (t.text === ';') {
        this.next();
        return { t: 'empty', ...at };
      }
      if (t.text === '{') {
        this.next();
        const body = this.statements((p) => p.isOp('}'));
        this.next();
        return { t: 'block', body, ...at };
      }
    }
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'if': {
          this.next();
          this.expectOp('(');
          const c = this.commaExpr();
          this.expectOp(')');
          const then = this.subStatement(true);
          let els: Stmt | null = null;
          if (this.isKw('else')) {
            this.next();
            els = this.subStatement();
          }
          return { t: 'if', c, then, else: els, ...at };
        }
        case 'while': {
          this.next();
          this.expectOp('(');
          const c = this.commaExpr();
          this.expectOp(')');
          const body = this.loopBody();
          return { t: 'while', c, body, ...at };
        }
        case 'do': {
          this.next();
          const body = this.loopBody();
          this.expectKw('while');
          this.expectOp('(');
          const c = this.commaExpr();
          this.expectOp(')');
          return { t: 'do', c, body, ...at };
        }
        case 'for': {
          this.next();
          this.expectOp('(');
          let init: Stmt | null = null;
          if (this.isKw('local')) init = this.localDecl();
          else if (!this.isOp(';')) init = { t: 'expr', e: this.commaExpr(), ...this.pos() };
          this.expectOp(';');
          const c = this.isOp(';') ? null : this.commaExpr();
          this.expectOp(';');
          const step = this.isOp(')') ? null : this.commaExpr();
          this.expectOp(')');
          const body = this.loopBody();
          return { t: 'for', init, c, step, body, ...at };
        }
        case 'foreach': {
          this.next();
          this.expectOp('(');
          let k: string | null = null;
          let v = this.expectId();
          if (this.isOp(',')) {
            this.next();
            k = v;
            v = this.expectId();
          }
          this.expectKw('in');
          const e = this.commaExpr();
          this.expectOp(')');
          const body = this.loopBody();
          return { t: 'foreach', k, v, e, body, ...at };
        }
        case 'switch': {
          this.next();
          this.expectOp('(');
          const e = this.commaExpr();
          this.expectOp(')');
          this.expectOp('{');
          const cases: SwitchCase[] = [];
          let dflt: Stmt[] | null = null;
          this.switchDepth++;
          const caseEnd = (p: Parser) => p.isKw('case') || p.isKw('default') || p.isOp('}');
          while (this.isKw('case')) {
            this.next();
            const test = this.expression();
            this.expectOp(':');
            cases.push({ test, body: this.statements(caseEnd) });
          }
          if (this.isKw('default')) {
            this.next();
            this.expectOp(':');
            dflt = this.statements((p) => p.isOp('}'));
          }
          this.switchDepth--;
          this.expectOp('}');
          return { t: 'switch', e, cases, dflt, ...at };
        }
        case 'local':
          return this.localDecl();
        case 'return':
        case 'yield': {
          this.next();
          const e = this.isEndOfStatement() ? null : this.commaExpr();
          if (t.text === 'yield') {
            this.fnStack[this.fnStack.length - 1]!.gen = true;
            return { t: 'yield', e, ...at };
          }
          return { t: 'return', e, ...at };
        }
        case 'break':
          this.next();
          if (this.loopDepth === 0 && this.switchDepth === 0) this.error("'break' has to be in a loop block", t);
          return { t: 'break', ...at };
        case 'continue':
          this.next();
          if (this.loopDepth === 0) this.error("'continue' has to be in a loop block", t);
          return { t: 'continue', ...at };
        case 'function': {
          this.next();
          const path = [this.expectId()];
          while (this.isOp('::')) {
            this.next();
            path.push(this.expectId());
          }
          this.expectOp('(');
          const fn = this.functionRest(path[path.length - 1]!, at);
          return { t: 'fnstmt', path, fn, ...at };
        }
        case 'class': {
          this.next();
          const target = this.prefixedExpr();
          if (target.t !== 'id' && target.t !== 'member') this.error('invalid class name');
          const name = target.t === 'id' ? target.name : target.key.t === 'str' ? target.key.v : null;
          const cls = this.classRest(at, name);
          return { t: 'classstmt', target, cls, ...at };
        }
        case 'enum': {
          this.next();
          const name = this.expectId();
          this.expectOp('{');
          const members: { name: string; value: Expr }[] = [];
          let nval = 0;
          while (!this.isOp('}')) {
            const mp = this.pos();
            const mname = this.expectId();
            let value: Expr;
            if (this.isOp('=')) {
              this.next();
              value = this.scalar();
            } else value = { t: 'int', v: nval++, ...mp };
            members.push({ name: mname, value });
            if (this.isOp(',')) this.next();
          }
          this.next();
          return { t: 'enum', name, members, ...at };
        }
        case 'const': {
          this.next();
          const name = this.expectId();
          this.expectOp('=');
          const value = this.scalar();
          return { t: 'const', name, value, ...at };
        }
        case 'try': {
          this.next();
          const body = this.statement();
          if (!this.isKw('catch')) this.error("expected 'catch'");
          this.next();
          this.expectOp('(');
          const v = this.expectId();
          this.expectOp(')');
          const handler = this.statement();
          return { t: 'try', body, v, handler, ...at };
        }
        case 'throw': {
          this.next();
          const e = this.commaExpr();
          return { t: 'throw', e, ...at };
        }
      }
    }
    const e = this.commaExpr();
    return { t: 'expr', e, ...at };
  }

  private loopBody(): Stmt {
    this.loopDepth++;
    const saved = this.switchDepth;
    this.switchDepth = 0;
    const s = this.subStatement();
    this.switchDepth = saved;
    this.loopDepth--;
    return s;
  }

  private localDecl(): Stmt {
    const at = this.pos();
    this.next(); // local
    if (this.isKw('function')) {
      this.next();
      const name = this.expectId();
      this.expectOp('(');
      const fn = this.functionRest(name, at);
      return { t: 'localfn', name, fn, ...at };
    }
    const decls: { name: string; init: Expr | null }[] = [];
    for (;;) {
      const name = this.expectId();
      let init: Expr | null = null;
      if (this.isOp('=')) {
        this.next();
        init = this.expression();
      }
      decls.push({ name, init });
      if (!this.isOp(',')) break;
      this.next();
    }
    return { t: 'local', decls, ...at };
  }

  private scalar(): Expr {
    const at = this.pos();
    const t = this.tok;
    if (t.kind === 'int') {
      this.next();
      return { t: 'int', v: t.num, ...at };
    }
    if (t.kind === 'float') {
      this.next();
      return { t: 'float', v: t.num, ...at };
    }
    if (t.kind === 'str') {
      this.next();
      return { t: 'str', v: t.text, ...at };
    }
    if (t.kind === 'kw' && (t.text === 'true' || t.text === 'false')) {
      this.next();
      return { t: 'bool', v: t.text === 'true', ...at };
    }
    if (this.isOp('-')) {
      this.next();
      const n = this.tok;
      if (n.kind === 'int') {
        this.next();
        return { t: 'int', v: -n.num | 0, ...at };
      }
      if (n.kind === 'float') {
        this.next();
        return { t: 'float', v: -n.num, ...at };
      }
    }
    return this.error('scalar expected : integer,float or string');
  }

  // ---- functions / classes ----
  /** After `function name (`: parameters and body. */
  private functionRest(name: string | null, at: Pos, lambda = false): FuncDef {
    const params: string[] = [];
    const defaults: Expr[] = [];
    let varargs = false;
    while (!this.isOp(')')) {
      if (this.isOp('...')) {
        this.next();
        varargs = true;
        if (!this.isOp(')')) this.error("expected ')'");
        break;
      }
      params.push(this.expectId());
      if (this.isOp('=')) {
        this.next();
        defaults.push(this.expression());
      } else if (defaults.length > 0) this.error("expected '='");
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) this.error("expected ')'");
    }
    this.next();
    this.fnStack.push({ gen: false });
    const savedLoop = this.loopDepth;
    const savedSwitch = this.switchDepth;
    this.loopDepth = 0;
    this.switchDepth = 0;
    let body: Stmt[];
    if (lambda) {
      const e = this.expression();
      body = [{ t: 'return', e, line: e.line, col: e.col }];
    } else {
      const s = this.statement();
      body = s.t === 'block' ? s.body : [s];
    }
    this.loopDepth = savedLoop;
    this.switchDepth = savedSwitch;
    const f = this.fnStack.pop()!;
    return { name, params, defaults, varargs, body, isGenerator: f.gen, lambda, ...at };
  }

  private classRest(at: Pos, name: string | null): ClassDef {
    let base: Expr | null = null;
    let attrs: Expr | null = null;
    if (this.isKw('extends')) {
      this.next();
      base = this.expression();
    }
    if (this.isOp('</')) {
      this.next();
      attrs = this.tableBody('/>', false);
    }
    this.expectOp('{');
    const members: ClassMember[] = [];
    while (!this.isOp('}')) {
      let mattrs: Expr | null = null;
      let isStatic = false;
      if (this.isOp('</')) {
        this.next();
        mattrs = this.tableBody('/>', false);
      }
      if (this.isKw('static')) {
        this.next();
        isStatic = true;
      }
      const slot = this.slot(true);
      members.push({ key: slot.key, value: slot.value, isStatic, attrs: mattrs });
      if (this.isOp(';')) this.next();
    }
    this.next();
    return { base, attrs, members, name, ...at };
  }

  private slot(inClass: boolean): { key: Expr; value: Expr } {
    const at = this.pos();
    if (this.isKw('function') || this.isKw('constructor')) {
      const isCtor = this.isKw('constructor');
      this.next();
      const name = isCtor ? 'constructor' : this.expectId();
      this.expectOp('(');
      const fn = this.functionRest(name, at);
      return { key: { t: 'str', v: name, ...at }, value: { t: 'func', fn, ...at } };
    }
    if (this.isOp('[')) {
      this.next();
      const key = this.commaExpr();
      this.expectOp(']');
      this.expectOp('=');
      return { key, value: this.expression() };
    }
    if (!inClass && this.tok.kind === 'str') {
      const k = this.next();
      this.expectOp(':');
      return { key: { t: 'str', v: k.text, ...at }, value: this.expression() };
    }
    const name = this.memberName();
    this.expectOp('=');
    return { key: { t: 'str', v: name, ...at }, value: this.expression() };
  }

  /** A member name: an identifier, or a keyword used as a name (t.base, { default = 1 }). */
  private memberName(): string {
    if (this.tok.kind === 'kw') return this.next().text;
    return this.expectId();
  }

  /** Table constructor body after `{` (or attributes after `</`), up to and including `end`. */
  private tableBody(end: string, _isTable: boolean): Expr {
    const at = this.pos(this.prev!);
    const slots: { key: Expr; value: Expr }[] = [];
    while (!this.isOp(end)) {
      if (this.tok.kind === 'eof') this.error(`expected '${end}'`);
      slots.push(this.slot(false));
      if (this.isOp(',')) this.next();
    }
    this.next();
    return { t: 'table', slots, ...at };
  }

  // ---- expressions ----
  commaExpr(): Expr {
    const first = this.expression();
    if (!this.isOp(',')) return first;
    const list = [first];
    while (this.isOp(',')) {
      this.next();
      list.push(this.expression());
    }
    return { t: 'comma', list, line: first.line, col: first.col };
  }

  expression(): Expr {
    const at = this.pos();
    const l = this.logicalOr();
    const t = this.tok;
    if (t.kind === 'op') {
      switch (t.text) {
        case '=':
        case '<-':
        case '+=':
        case '-=':
        case '*=':
        case '/=':
        case '%=': {
          if (l.t !== 'id' && l.t !== 'member') {
            if (l.t === 'base') this.error("'base' cannot be modified");
            this.error("can't assign expression");
          }
          if (t.text === '<-' && l.t === 'id') {
            // `x <- v` creates a slot in `this` (a local cannot be the target; the compiler checks)
          }
          this.next();
          const value = this.expression();
          return { t: 'assign', op: t.text, target: l, value, ...at };
        }
        case '?': {
          this.next();
          const a = this.expression();
          this.expectOp(':');
          const b = this.expression();
          return { t: 'cond', c: l, a, b, ...at };
        }
      }
    }
    return l;
  }

  private logicalOr(): Expr {
    const l = this.logicalAnd();
    if (this.isOp('||')) {
      const at = this.pos();
      this.next();
      const r = this.logicalOr();
      return { t: 'or', l, r, ...at };
    }
    return l;
  }

  private logicalAnd(): Expr {
    const l = this.bitOr();
    if (this.isOp('&&')) {
      const at = this.pos();
      this.next();
      const r = this.logicalAnd();
      return { t: 'and', l, r, ...at };
    }
    return l;
  }

  private binLevel(ops: string[], nextLevel: () => Expr, kws: string[] = []): Expr {
    let l = nextLevel();
    for (;;) {
      const t = this.tok;
      if ((t.kind === 'op' && ops.includes(t.text)) || (t.kind === 'kw' && kws.includes(t.text))) {
        const at = this.pos();
        this.next();
        const r = nextLevel();
        l = { t: 'bin', op: t.text, l, r, ...at };
      } else return l;
    }
  }

  private bitOr = (): Expr => this.binLevel(['|'], this.bitXor);
  private bitXor = (): Expr => this.binLevel(['^'], this.bitAnd);
  private bitAnd = (): Expr => this.binLevel(['&'], this.eqExp);
  private eqExp = (): Expr => this.binLevel(['==', '!=', '<=>'], this.compExp);
  private compExp = (): Expr => this.binLevel(['<', '>', '<=', '>='], this.shiftExp, ['in', 'instanceof']);
  private shiftExp = (): Expr => this.binLevel(['<<', '>>', '>>>'], this.plusExp);
  private plusExp = (): Expr => this.binLevel(['+', '-'], this.multExp);
  private multExp = (): Expr => this.binLevel(['*', '/', '%'], this.unary);

  private unary = (): Expr => {
    const t = this.tok;
    const at = this.pos();
    if (t.kind === 'op') {
      switch (t.text) {
        case '-': {
          const n = this.toks[this.p + 1]!;
          // negative literal, then any postfix (e.g. -1.tostring())
          if (n.kind === 'int' || n.kind === 'float') return this.prefixedExpr();
          this.next();
          return { t: 'un', op: '-', e: this.unary(), ...at };
        }
        case '!':
        case '~':
          this.next();
          return { t: 'un', op: t.text, e: this.unary(), ...at };
        case '++':
        case '--': {
          this.next();
          const target = this.unary();
          if (target.t !== 'id' && target.t !== 'member') this.error("can't '++' or '--' an expression");
          return { t: 'incdec', op: t.text as '++' | '--', prefix: true, target, ...at };
        }
      }
    } else if (t.kind === 'kw') {
      switch (t.text) {
        case 'typeof':
        case 'resume':
        case 'clone':
          this.next();
          return { t: 'un', op: t.text, e: this.unary(), ...at };
        case 'delete': {
          this.next();
          const target = this.prefixedExpr();
          if (target.t !== 'member') this.error("can't delete an expression");
          return { t: 'delete', target, ...at };
        }
      }
    }
    return this.prefixedExpr();
  };

  private prefixedExpr(): Expr {
    let e = this.factor();
    for (;;) {
      const t = this.tok;
      if (t.kind !== 'op') return e;
      const at = this.pos();
      switch (t.text) {
        case '.': {
          this.next();
          const kt = this.tok;
          const name = this.memberName();
          e = { t: 'member', obj: e, key: { t: 'str', v: name, line: kt.line, col: kt.col }, ...at };
          break;
        }
        case '[': {
          if (t.nl) this.error('cannot brake deref/or comma needed after [exp]=exp slot declaration');
          this.next();
          const key = this.expression();
          this.expectOp(']');
          e = { t: 'member', obj: e, key, ...at };
          break;
        }
        case '(': {
          this.next();
          const args: Expr[] = [];
          while (!this.isOp(')')) {
            args.push(this.expression());
            if (this.isOp(',')) {
              this.next();
              if (this.isOp(')')) this.error("expression expected, found ')'");
            } else if (!this.isOp(')')) this.error("expected ')'");
          }
          this.next();
          e = { t: 'call', fn: e, args, ...at };
          break;
        }
        case '++':
        case '--':
          if (this.isEndOfStatement()) return e;
          if (e.t !== 'id' && e.t !== 'member') this.error("can't '++' or '--' an expression");
          this.next();
          return { t: 'incdec', op: t.text as '++' | '--', prefix: false, target: e, ...at };
        default:
          return e;
      }
    }
  }

  private factor(): Expr {
    const t = this.tok;
    const at = this.pos();
    switch (t.kind) {
      case 'int':
        this.next();
        return { t: 'int', v: t.num, ...at };
      case 'float':
        this.next();
        return { t: 'float', v: t.num, ...at };
      case 'str':
        this.next();
        return { t: 'str', v: t.text, ...at };
      case 'id':
        this.next();
        return { t: 'id', name: t.text, ...at };
      case 'kw':
        switch (t.text) {
          case 'true':
          case 'false':
            this.next();
            return { t: 'bool', v: t.text === 'true', ...at };
          case 'null':
            this.next();
            return { t: 'null', ...at };
          case 'this':
            this.next();
            return { t: 'this', ...at };
          case 'base':
            this.next();
            return { t: 'base', ...at };
          case 'constructor':
            this.next();
            return { t: 'id', name: 'constructor', ...at };
          case '__LINE__':
            this.next();
            return { t: 'int', v: t.line, ...at };
          case '__FILE__':
            this.next();
            return { t: 'str', v: this.srcName, ...at };
          case 'function': {
            this.next();
            this.expectOp('(');
            return { t: 'func', fn: this.functionRest(null, at), ...at };
          }
          case 'class': {
            this.next();
            return { t: 'class', cls: this.classRest(at, null), ...at };
          }
          case 'typeof':
          case 'resume':
          case 'clone':
          case 'delete':
            return this.unary();
        }
        break;
      case 'op':
        switch (t.text) {
          case '(': {
            this.next();
            const e = this.commaExpr();
            this.expectOp(')');
            return e;
          }
          case '[': {
            this.next();
            const items: Expr[] = [];
            while (!this.isOp(']')) {
              if (this.tok.kind === 'eof') this.error("expected ']'");
              items.push(this.expression());
              if (this.isOp(',')) this.next();
            }
            this.next();
            return { t: 'array', items, ...at };
          }
          case '{': {
            this.next();
            return this.tableBody('}', true);
          }
          case '::': {
            this.next();
            const kt = this.tok;
            const name = this.expectId();
            return { t: 'member', obj: { t: 'root', ...at }, key: { t: 'str', v: name, line: kt.line, col: kt.col }, ...at };
          }
          case '@': {
            this.next();
            this.expectOp('(');
            return { t: 'func', fn: this.functionRest(null, at, true), ...at };
          }
          case '-': {
            const n = this.toks[this.p + 1]!;
            if (n.kind === 'int') {
              this.next();
              this.next();
              return { t: 'int', v: -n.num | 0, ...at };
            }
            if (n.kind === 'float') {
              this.next();
              this.next();
              return { t: 'float', v: -n.num, ...at };
            }
            return this.unary();
          }
          case '!':
          case '~':
          case '++':
          case '--':
            return this.unary();
        }
    }
    return this.error('expression expected');
  }
}

export type { E };
