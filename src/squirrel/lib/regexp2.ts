// regexp2: the imp's RE2-based regular expressions, run on a JS RegExp.
//
// RE2 syntax is translated to an equivalent JS pattern; RE2 constructs JS
// lacks (\A \z \Q…\E \C [[:class:]] (?P<name>) leading (?flags)) are rewritten,
// and what RE2 refuses (backreferences, lookaround, \pX on bytes) is refused
// here too. Subjects are byte strings and the RegExp runs without the 'u'
// flag, so `.` matches one byte. INFERENCE: the imp's RE2 reads UTF-8, where
// `.` would match a whole multi-byte character; patterns over ASCII behave
// the same either way. Leftmost-first matching is the same in both engines.

import { rtError } from '../value.js';
import type { RexMatch } from './regexp.js';

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** RE2's \s: no \v and none of the extra spaces JS's \s knows (such as byte 0xA0). */
const RE2_SPACE = '\\t\\n\\f\\r ';

function hex2(c: number): string {
  return `\\x${c.toString(16).padStart(2, '0')}`;
}

/** Translates an RE2 pattern to JS RegExp source and flags; throws RE2-style messages. */
export function translateRe2(pattern: string): { source: string; flags: string } {
  let i = 0;
  let flags = '';
  // Leading flag groups such as (?i) or (?sm) become RegExp flags.
  const lead = /^\(\?([imsU]+)\)/.exec(pattern);
  if (lead) {
    if (lead[1]!.includes('U')) throw rtError(`invalid or unsupported Perl syntax: (?U`);
    flags = [...new Set(lead[1]!)].join('');
    i = lead[0].length;
  }
  let out = '';
  let inClass = false;
  let depth = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) throw rtError('trailing \\');
      i += 2;
      if (e === 'Q') {
        const end = pattern.indexOf('\\E', i);
        const lit = end < 0 ? pattern.slice(i) : pattern.slice(i, end);
        for (const ch of lit) out += hex2(ch.charCodeAt(0));
        i = end < 0 ? pattern.length : end + 2;
      } else if (e === 'A' && !inClass) out += '(?<![\\s\\S])';
      else if (e === 'z' && !inClass) out += '(?![\\s\\S])';
      else if (e === 'C' && !inClass) out += '[\\s\\S]';
      else if (e === 's') out += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      // Inside a class \S keeps JS's meaning (it differs from RE2 only on \v and byte 0xA0).
      else if (e === 'S') out += inClass ? '\\S' : `[^${RE2_SPACE}]`;
      else if (e === 'x' && pattern[i] === '{') {
        const end = pattern.indexOf('}', i);
        const code = end < 0 ? NaN : parseInt(pattern.slice(i + 1, end), 16);
        if (!(code <= 0xff)) throw rtError(`invalid escape sequence: \\x${pattern.slice(i, end + 1)}`);
        out += hex2(code);
        i = end + 1;
      } else if (e >= '0' && e <= '7') {
        // RE2 reads \1..\7 as octal only after \0; a backreference is refused.
        if (e !== '0') throw rtError(`invalid escape sequence: \\${e}`);
        const m = /^[0-7]{0,2}/.exec(pattern.slice(i))![0];
        out += hex2(parseInt(`0${m}`, 8));
        i += m.length;
      } else if ('dDwWbBnrtfvax.*+?()[]{}|^$\\-/'.includes(e)) {
        out += e === 'a' ? '\\x07' : `\\${e}`;
      } else if (/[A-Za-z0-9]/.test(e)) throw rtError(`invalid escape sequence: \\${e}`);
      else out += hex2(e.charCodeAt(0));
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
        const set = m && POSIX_CLASSES[m[2]!];
        if (!m || set === undefined) throw rtError(`invalid character class range: ${pattern.slice(i, i + 10)}`);
        if (m[1]) throw rtError('negated POSIX classes inside a class are not supported');
        out += set;
        i += m[0].length;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      // A ']' first in a class is a literal in RE2.
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(') {
      depth++;
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i + 2);
        if (rest.startsWith('P<')) {
          out += '(?<';
          i += 4;
          continue;
        }
        if (rest.startsWith(':')) {
          out += '(?:';
          i += 3;
          continue;
        }
        throw rtError(`invalid or unsupported Perl syntax: (?${rest.slice(0, 1)}`);
      }
    } else if (c === ')') {
      if (depth === 0) throw rtError(`unexpected ): ${pattern}`);
      depth--;
    }
    out += c;
    i++;
  }
  if (inClass) throw rtError(`missing ]: ${pattern}`);
  if (depth > 0) throw rtError(`missing ): ${pattern}`);
  try {
    new RegExp(out, flags);
  } catch {
    throw rtError(`invalid regular expression: ${pattern}`);
  }
  return { source: out, flags };
}

export class SqRegex2 {
  private readonly find: RegExp;
  private readonly full: RegExp;
  private readonly groups: number;

  constructor(pattern: string) {
    const { source, flags } = translateRe2(pattern);
    this.find = new RegExp(source, `${flags}gd`);
    this.full = new RegExp(`(?<![\\s\\S])(?:${source})(?![\\s\\S])`, flags);
    // Counting groups: a match of the empty alternative reports every group.
    this.groups = new RegExp(`${source}|`, flags).exec('')!.length;
  }

  subexpCount(): number {
    return this.groups;
  }

  match(text: string): boolean {
    return this.full.test(text);
  }

  search(text: string, start = 0): RexMatch | null {
    const m = this.exec(text, start);
    return m ? { begin: m.index, end: m.index + m[0].length } : null;
  }

  /** The whole match and each group as {begin, end}; a group that took no part is {0, 0}, as in regexp. */
  capture(text: string, start = 0): RexMatch[] | null {
    const m = this.exec(text, start);
    if (!m) return null;
    return m.indices!.map((r) => (r ? { begin: r[0], end: r[1] } : { begin: 0, end: 0 }));
  }

  private exec(text: string, start: number): RegExpExecArray | null {
    if (start < 0 || start > text.length) return null;
    this.find.lastIndex = start;
    return this.find.exec(text);
  }
}
