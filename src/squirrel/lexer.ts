// Lexer for Squirrel 3.0.4 source (already converted to a byte string: one
// char per byte). Token kinds and error texts follow sqlexer.cpp.

export class SqCompileError extends Error {
  constructor(
    message: string,
    readonly srcName: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SqCompileError';
  }
}

export type TokKind =
  | 'id'
  | 'kw'
  | 'int'
  | 'float'
  | 'str'
  | 'op'
  | 'eof';

export interface Token {
  kind: TokKind;
  /** Identifier/keyword/operator text; string literal bytes. */
  text: string;
  /** Numeric value of int/float literals. */
  num: number;
  line: number;
  col: number;
  /** A newline came between the previous token and this one. */
  nl: boolean;
}

export const KEYWORDS = new Set([
  'while', 'do', 'if', 'else', 'break', 'continue', 'return', 'null', 'function', 'local', 'for',
  'foreach', 'in', 'typeof', 'base', 'delete', 'try', 'catch', 'throw', 'clone', 'yield', 'resume',
  'switch', 'case', 'default', 'this', 'class', 'extends', 'constructor', 'instanceof', 'true',
  'false', 'static', 'enum', 'const', '__LINE__', '__FILE__',
]);

// Longest first.
const OPERATORS = [
  '>>>=', '<=>', '>>>', '...', '<<=', '>>=',
  '==', '!=', '<=', '>=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '<<', '>>', '<-',
  '::', '</', '/>', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '.', ',', ';', ':', '?', '(',
  ')', '[', ']', '{', '}', '@',
];
// Squirrel 3.0.4 has no &=, |=, ^=, <<=, >>=, >>>= tokens: they lex as two tokens.
const SQ_OPERATORS = OPERATORS.filter((o) => !['&=', '|=', '^=', '<<=', '>>=', '>>>='].includes(o));

export function tokenize(src: string, srcName: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let nl = false;
  const n = src.length;
  const err = (msg: string, at = i): never => {
    throw new SqCompileError(msg, srcName, line, at - lineStart + 1);
  };
  const push = (kind: TokKind, text: string, num: number, start: number, sline: number, scol: number) => {
    toks.push({ kind, text, num, line: sline, col: scol, nl });
    nl = false;
    void start;
  };
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      lineStart = i;
      nl = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
      i++;
      continue;
    }
    const sline = line;
    const scol = i - lineStart + 1;
    const start = i;
    // comments
    if (c === 35 /* # */ || (c === 47 && src.charCodeAt(i + 1) === 47)) {
      while (i < n && src.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42) {
      i += 2;
      for (;;) {
        if (i >= n) err('missing "*/" in comment');
        const d = src.charCodeAt(i);
        if (d === 42 && src.charCodeAt(i + 1) === 47) {
          i += 2;
          break;
        }
        if (d === 10) {
          line++;
          lineStart = i + 1;
          nl = true;
        }
        i++;
      }
      continue;
    }
    // identifiers / keywords
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      while (i < n) {
        const d = src.charCodeAt(i);
        if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 || (d >= 48 && d <= 57)) i++;
        else break;
      }
      const word = src.slice(start, i);
      push(KEYWORDS.has(word) ? 'kw' : 'id', word, 0, start, sline, scol);
      continue;
    }
    // numbers
    if (c >= 48 && c <= 57) {
      if (c === 48 && (src[i + 1] === 'x' || src[i + 1] === 'X')) {
        i += 2;
        let v = 0;
        let digits = 0;
        while (i < n && /[0-9a-fA-F]/.test(src[i]!)) {
          v = (v * 16 + parseInt(src[i]!, 16)) % 4294967296;
          i++;
          digits++;
        }
        if (digits === 0) err('expected hex digits after \'0x\'');
        if (digits > 8) err('too many digits for an Hex number');
        push('int', src.slice(start, i), v | 0, start, sline, scol);
        continue;
      }
      if (c === 48 && src.charCodeAt(i + 1) >= 48 && src.charCodeAt(i + 1) <= 57) {
        // octal
        i++;
        let v = 0;
        while (i < n && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) {
          const d = src.charCodeAt(i) - 48;
          if (d > 7) err('invalid octal number');
          v = (v * 8 + d) % 4294967296;
          i++;
        }
        push('int', src.slice(start, i), v | 0, start, sline, scol);
        continue;
      }
      let isFloat = false;
      while (i < n && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
      if (src[i] === '.' && src[i + 1] !== '.') {
        isFloat = true;
        i++;
        while (i < n && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
      }
      if (src[i] === 'e' || src[i] === 'E') {
        isFloat = true;
        i++;
        if (src[i] === '+' || src[i] === '-') i++;
        if (!(src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57)) err('exponent expected');
        while (i < n && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
      }
      const text = src.slice(start, i);
      if (isFloat) push('float', text, Number(text), start, sline, scol);
      else {
        // strtol-like: decimal literals wrap to 32 bits
        let v = 0;
        for (let k = 0; k < text.length; k++) v = (v * 10 + text.charCodeAt(k) - 48) % 4294967296;
        push('int', text, v | 0, start, sline, scol);
      }
      continue;
    }
    // strings
    if (c === 34 || (c === 64 && src.charCodeAt(i + 1) === 34)) {
      const verbatim = c === 64;
      i += verbatim ? 2 : 1;
      let out = '';
      for (;;) {
        if (i >= n) err('unfinished string');
        const d = src[i]!;
        if (d === '"') {
          if (verbatim && src[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\n') {
          if (!verbatim) err('newline in a constant');
          line++;
          lineStart = i + 1;
          out += d;
          i++;
          continue;
        }
        if (d === '\\' && !verbatim) {
          i++;
          const e = readEscape();
          out += e;
          continue;
        }
        out += d;
        i++;
      }
      push('str', out, 0, start, sline, scol);
      continue;
    }
    if (c === 39) {
      // char literal
      i++;
      let v: string;
      if (src[i] === '\\') {
        i++;
        v = readEscape();
      } else {
        if (i >= n || src[i] === '\n') err('unfinished string');
        v = src[i]!;
        i++;
      }
      if (src[i] !== "'") err('invalid single character');
      i++;
      push('int', src.slice(start, i), v.charCodeAt(0), start, sline, scol);
      continue;
    }
    // operators
    let op: string | undefined;
    for (const o of SQ_OPERATORS) {
      if (src.startsWith(o, i)) {
        op = o;
        break;
      }
    }
    if (op === undefined) err('invalid character');
    i += op!.length;
    push('op', op!, 0, start, sline, scol);
  }
  toks.push({ kind: 'eof', text: '<eof>', num: 0, line, col: i - lineStart + 1, nl: true });
  return toks;

  function readEscape(): string {
    const e = src[i];
    i++;
    switch (e) {
      case 't': return '\t';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'v': return '\v';
      case 'f': return '\f';
      case '0': return '\0';
      case '\\': return '\\';
      case '"': return '"';
      case "'": return "'";
      case 'x': {
        let v = 0;
        let digits = 0;
        while (digits < 2 && i < n && /[0-9a-fA-F]/.test(src[i]!)) {
          v = v * 16 + parseInt(src[i]!, 16);
          i++;
          digits++;
        }
        if (digits === 0) err('hexadecimal number expected');
        return String.fromCharCode(v);
      }
      default:
        return err('unrecognised escape char', i - 1);
    }
  }
}
