// Squirrel's own regular expressions (sqstdrex, the `regexp` class).
//
// sqstdrex is not a general backtracking engine: a repetition is greedy and
// only looks one node ahead (it stops repeating as soon as the following node
// would match), alternatives are tried left then right without backtracking
// into them, there is no lazy `*?` (the `?` after `*` is a literal character),
// `\b` means "next to whitespace", and matching is byte-wise on C strings (a
// NUL byte ends the subject). Programs depend on these quirks, so this is the
// same node-tree algorithm rather than a translation to JS RegExp.
//
// Deliberate difference (INFERENCE): 3.0.4 lets `.`, classes and `\S`-style
// escapes consume the terminating NUL and run past the end of the subject;
// here they fail at the end, as in later Squirrel releases.

import { rtError } from '../value.js';
import { isAlnum, isAlpha, isCntrl, isDigit, isLower, isPrint, isPunct, isSpace, isUpper, isXDigit } from './ctype.js';

const OP_GREEDY = 256;
const OP_OR = 257;
const OP_EXPR = 258;
const OP_NOCAPEXPR = 259;
const OP_DOT = 260;
const OP_CLASS = 261;
const OP_CCLASS = 262;
const OP_NCLASS = 263;
const OP_RANGE = 264;
const OP_EOL = 265;
const OP_BOL = 266;
const OP_WB = 267;

/** A node: type is a byte (a literal) or an OP_*; left/right/next are node indices or operands. */
interface RexNode {
  type: number;
  left: number;
  right: number;
  next: number;
}

export interface RexMatch {
  begin: number;
  end: number;
}

/** The escape classes: \a \w \s \d \x \c \p \l \u and their upper-case negations (no \L, \U). */
function matchCClass(cls: number, c: number): boolean {
  switch (String.fromCharCode(cls)) {
    case 'a': return isAlpha(c);
    case 'A': return !isAlpha(c);
    case 'w': return isAlnum(c) || c === 95;
    case 'W': return !isAlnum(c) && c !== 95;
    case 's': return isSpace(c);
    case 'S': return !isSpace(c);
    case 'd': return isDigit(c);
    case 'D': return !isDigit(c);
    case 'x': return isXDigit(c);
    case 'X': return !isXDigit(c);
    case 'c': return isCntrl(c);
    case 'C': return !isCntrl(c);
    case 'p': return isPunct(c);
    case 'P': return !isPunct(c);
    case 'l': return isLower(c);
    case 'u': return isUpper(c);
  }
  return false;
}

const CLASS_ESCAPES = 'aAwWsSdDxXcCpPlu';
const CHAR_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };

/** A compiled sqstdrex pattern. Throws rtError with sqstdrex's messages on a bad pattern. */
export class SqRegex {
  private readonly nodes: RexNode[] = [];
  private readonly pat: string;
  private p = 0;
  private nsubexpr = 0;
  /** Capture state lives on the compiled object, as in sqstdrex (stale groups keep old values). */
  private readonly matches: { begin: number; len: number }[];
  private currSubexp = 0;
  private bol = 0;
  private eol = 0;
  private text = '';

  constructor(pattern: string) {
    // The pattern is a C string: it ends at the first NUL.
    const nul = pattern.indexOf('\0');
    this.pat = nul < 0 ? pattern : pattern.slice(0, nul);
    const first = this.newNode(OP_EXPR);
    this.nodes[first]!.left = this.parseList();
    if (this.peek() !== 0) throw rtError('unexpected character');
    this.matches = Array.from({ length: this.nsubexpr }, () => ({ begin: 0, len: 0 }));
  }

  /** Number of capture groups, the whole match (group 0) included. */
  subexpCount(): number {
    return this.nsubexpr;
  }

  /** True when the pattern matches the whole subject (up to its first NUL). */
  match(text: string): boolean {
    this.setSubject(text, 0);
    this.currSubexp = 0;
    const res = this.matchNode(0, 0, -1);
    return res === this.eol;
  }

  /**
   * The first match at or after `start`, or null; offsets count from the start
   * of the subject, and `^` matches at `start`. Like sqstdrex it never tries the
   * empty match at the very end. INFERENCE: a start outside the subject (which
   * sqstdrex does not check) finds nothing.
   */
  search(text: string, start = 0): RexMatch | null {
    this.setSubject(text, start);
    if (start < 0 || this.bol >= this.eol) return null;
    for (let from = this.bol; from < this.eol; from++) {
      this.currSubexp = 0;
      const end = this.matchNode(0, from, -1);
      if (end >= 0) return { begin: from, end };
    }
    return null;
  }

  /** search() plus the groups: each {begin, end}; a group that matched nothing is {0, 0}. */
  capture(text: string, start = 0): RexMatch[] | null {
    if (!this.search(text, start)) return null;
    return this.matches.map((m) => (m.len > 0 ? { begin: m.begin, end: m.begin + m.len } : { begin: 0, end: 0 }));
  }

  private setSubject(text: string, start: number): void {
    const nul = text.indexOf('\0');
    this.text = text;
    this.eol = nul < 0 ? text.length : nul;
    this.bol = start;
  }

  // ---- compiler ----------------------------------------------------------

  private peek(offset = 0): number {
    const i = this.p + offset;
    return i < this.pat.length ? this.pat.charCodeAt(i) : 0;
  }

  private newNode(type: number): number {
    const node: RexNode = { type, left: -1, right: -1, next: -1 };
    if (type === OP_EXPR) node.right = this.nsubexpr++;
    this.nodes.push(node);
    return this.nodes.length - 1;
  }

  private expect(c: string): void {
    if (this.peek() !== c.charCodeAt(0)) throw rtError('expected paren');
    this.p++;
  }

  /** A single character inside a range: escapes give the character itself. */
  private escapeChar(): number {
    if (this.peek() === 92) {
      this.p++;
      const c = this.peek();
      this.p++;
      return CHAR_ESCAPES[String.fromCharCode(c)] ?? c;
    }
    if (!isPrint(this.peek())) throw rtError('letter expected');
    return this.pat.charCodeAt(this.p++);
  }

  private charNode(inClass: boolean): number {
    if (this.peek() === 92) {
      this.p++;
      const c = this.peek();
      const ch = String.fromCharCode(c);
      this.p++;
      if (ch in CHAR_ESCAPES) return this.newNode(CHAR_ESCAPES[ch]!);
      if (CLASS_ESCAPES.includes(ch) && c !== 0) {
        const n = this.newNode(OP_CCLASS);
        this.nodes[n]!.left = c;
        return n;
      }
      if ((ch === 'b' || ch === 'B') && !inClass) {
        const n = this.newNode(OP_WB);
        this.nodes[n]!.left = c;
        return n;
      }
      return this.newNode(c);
    }
    if (!isPrint(this.peek())) throw rtError('letter expected');
    return this.newNode(this.pat.charCodeAt(this.p++));
  }

  private parseClass(): number {
    let ret: number;
    if (this.peek() === 94) {
      ret = this.newNode(OP_NCLASS);
      this.p++;
    } else ret = this.newNode(OP_CLASS);
    if (this.peek() === 93) throw rtError('empty class');
    let chain = ret;
    let first = -1;
    // sqstdrex loops until ']' only; at the end of the pattern charNode reports 'letter expected'.
    while (this.peek() !== 93) {
      if (this.peek() === 45 && first !== -1) {
        this.p++;
        const r = this.newNode(OP_RANGE);
        const from = this.nodes[first]!.type;
        if (from > this.peek()) throw rtError('invalid range');
        if (from === OP_CCLASS) throw rtError('cannot use character classes in ranges');
        this.nodes[r]!.left = from;
        this.nodes[r]!.right = this.escapeChar();
        this.nodes[chain]!.next = r;
        chain = r;
        first = -1;
      } else {
        if (first !== -1) {
          this.nodes[chain]!.next = first;
          chain = first;
        }
        first = this.charNode(true);
      }
    }
    if (first !== -1) {
      this.nodes[chain]!.next = first;
    }
    // The class node's members hang off `left`; `next` is for what follows the class.
    this.nodes[ret]!.left = this.nodes[ret]!.next;
    this.nodes[ret]!.next = -1;
    return ret;
  }

  private parseNumber(): number {
    let ret = this.peek() - 48;
    let positions = 10;
    this.p++;
    while (isDigit(this.peek())) {
      ret = ret * 10 + (this.pat.charCodeAt(this.p++) - 48);
      if (positions === 1000000000) throw rtError('overflow in numeric constant');
      positions *= 10;
    }
    return ret;
  }

  private parseElement(): number {
    let ret: number;
    switch (this.peek()) {
      case 40: {
        // (
        this.p++;
        let expr: number;
        if (this.peek() === 63) {
          this.p++;
          this.expect(':');
          expr = this.newNode(OP_NOCAPEXPR);
        } else expr = this.newNode(OP_EXPR);
        const inner = this.parseList();
        this.nodes[expr]!.left = inner;
        ret = expr;
        this.expect(')');
        break;
      }
      case 91: // [
        this.p++;
        ret = this.parseClass();
        this.expect(']');
        break;
      case 36: // $
        this.p++;
        ret = this.newNode(OP_EOL);
        break;
      case 46: // .
        this.p++;
        ret = this.newNode(OP_DOT);
        break;
      default:
        ret = this.charNode(false);
    }

    let repeat: [number, number] | null = null;
    switch (this.peek()) {
      case 42: // *
        this.p++;
        repeat = [0, 0xffff];
        break;
      case 43: // +
        this.p++;
        repeat = [1, 0xffff];
        break;
      case 63: // ?
        this.p++;
        repeat = [0, 1];
        break;
      case 123: {
        // {n} {n,} {n,m}
        this.p++;
        if (!isDigit(this.peek())) throw rtError('number expected');
        const p0 = this.parseNumber() & 0xffff;
        let p1: number;
        if (this.peek() === 125) {
          p1 = p0;
          this.p++;
        } else if (this.peek() === 44) {
          this.p++;
          p1 = 0xffff;
          if (isDigit(this.peek())) p1 = this.parseNumber() & 0xffff;
          this.expect('}');
        } else throw rtError(', or } expected');
        repeat = [p0, p1];
        break;
      }
    }
    if (repeat) {
      const g = this.newNode(OP_GREEDY);
      this.nodes[g]!.left = ret;
      this.nodes[g]!.right = repeat[0] * 0x10000 + repeat[1];
      ret = g;
    }
    // Anything but | ) * + or the end starts the next element of the sequence (so `a*?` is a*, then '?').
    const c = this.peek();
    if (c !== 124 && c !== 41 && c !== 42 && c !== 43 && c !== 0) {
      this.nodes[ret]!.next = this.parseElement();
    }
    return ret;
  }

  private parseList(): number {
    let ret = -1;
    if (this.peek() === 94) {
      this.p++;
      ret = this.newNode(OP_BOL);
    }
    const e = this.parseElement();
    if (ret !== -1) this.nodes[ret]!.next = e;
    else ret = e;
    if (this.peek() === 124) {
      this.p++;
      const or = this.newNode(OP_OR);
      this.nodes[or]!.left = ret;
      this.nodes[or]!.right = this.parseList();
      ret = or;
    }
    return ret;
  }

  // ---- matcher -----------------------------------------------------------

  /** The byte at i, or 0 past the end (the C string's NUL). */
  private at(i: number): number {
    return i < this.eol ? this.text.charCodeAt(i) : 0;
  }

  private matchClass(first: number, c: number): boolean {
    for (let i = first; i !== -1; i = this.nodes[i]!.next) {
      const node = this.nodes[i]!;
      if (node.type === OP_RANGE) {
        if (c >= node.left && c <= node.right) return true;
      } else if (node.type === OP_CCLASS) {
        if (matchCClass(node.left, c)) return true;
      } else if (c === node.type) return true;
    }
    return false;
  }

  /** Matches node `ni` at `str`; `next` is the node that follows (for greedy look-ahead). Returns the end or -1. */
  private matchNode(ni: number, str: number, next: number): number {
    const node = this.nodes[ni]!;
    switch (node.type) {
      case OP_GREEDY: {
        const p0 = Math.floor(node.right / 0x10000);
        const p1 = node.right & 0xffff;
        let nmatches = 0;
        let s = str;
        let good = str;
        const stop = node.next !== -1 ? node.next : next;
        while (nmatches === 0xffff || nmatches < p1) {
          s = this.matchNode(node.left, s, stop);
          if (s < 0) break;
          nmatches++;
          good = s;
          if (stop !== -1) {
            const stopNode = this.nodes[stop]!;
            // Stop repeating once what follows matches here (unless it could itself match nothing).
            if (stopNode.type !== OP_GREEDY || Math.floor(stopNode.right / 0x10000) !== 0) {
              let gnext = -1;
              if (stopNode.next !== -1) gnext = stopNode.next;
              else if (next !== -1 && this.nodes[next]!.next !== -1) gnext = this.nodes[next]!.next;
              if (this.matchNode(stop, s, gnext) >= 0 && repeatOk(nmatches, p0, p1)) break;
            }
          }
          if (s >= this.eol) break;
        }
        return repeatOk(nmatches, p0, p1) ? good : -1;
      }
      case OP_OR: {
        for (const branch of [node.left, node.right]) {
          let cur = str;
          let t = branch;
          for (;;) {
            cur = this.matchNode(t, cur, -1);
            if (cur < 0) break;
            if (this.nodes[t]!.next === -1) return cur;
            t = this.nodes[t]!.next;
          }
        }
        return -1;
      }
      case OP_EXPR:
      case OP_NOCAPEXPR: {
        let n = node.left;
        let cur = str;
        let capture = -1;
        if (node.type === OP_EXPR && node.right === this.currSubexp) {
          capture = this.currSubexp++;
          this.matches[capture]!.begin = cur;
        }
        for (;;) {
          const sub = this.nodes[n]!;
          const subnext = sub.next !== -1 ? sub.next : next;
          cur = this.matchNode(n, cur, subnext);
          if (cur < 0) {
            if (capture !== -1) this.matches[capture] = { begin: 0, len: 0 };
            return -1;
          }
          if (sub.next === -1) break;
          n = sub.next;
        }
        if (capture !== -1) this.matches[capture]!.len = cur - this.matches[capture]!.begin;
        return cur;
      }
      case OP_WB: {
        // sqstdrex's word boundary: whitespace on one side of str/str+1, or a non-space at either end.
        const c = this.at(str);
        const boundary =
          (str === this.bol && !isSpace(c)) ||
          (str === this.eol && !isSpace(this.at(str - 1))) ||
          (!isSpace(c) && isSpace(this.at(str + 1))) ||
          (isSpace(c) && !isSpace(this.at(str + 1)));
        return boundary === (node.left === 98) ? str : -1;
      }
      case OP_BOL:
        return str === this.bol ? str : -1;
      case OP_EOL:
        return str === this.eol ? str : -1;
      case OP_DOT:
        return str < this.eol ? str + 1 : -1;
      case OP_CLASS:
      case OP_NCLASS:
        if (str >= this.eol) return -1;
        return this.matchClass(node.left, this.at(str)) === (node.type === OP_CLASS) ? str + 1 : -1;
      case OP_CCLASS:
        return str < this.eol && matchCClass(node.left, this.at(str)) ? str + 1 : -1;
      default:
        return str < this.eol && this.at(str) === node.type ? str + 1 : -1;
    }
  }
}

function repeatOk(n: number, p0: number, p1: number): boolean {
  return (p0 === p1 && p0 === n) || (n >= p0 && p1 === 0xffff) || (n >= p0 && n <= p1);
}
