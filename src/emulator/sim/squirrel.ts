// Extracts what a deployed Squirrel program would print at start-up, without
// interpreting it: the string-literal arguments of server.log("...") and
// server.error("...") calls, in source order. Calls whose argument is not a
// single literal (concatenations, variables, format calls) are skipped.
// Comments (//, #, /* */) and the contents of other strings are ignored.

export interface CodeLine {
  kind: 'log' | 'error';
  msg: string;
}

const CALL = /^server\s*\.\s*(log|error)\s*\(\s*/;

export function extractLogLines(source: string): CodeLine[] {
  const out: CodeLine[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const ch = source[i]!;
    // comments
    if (ch === '/' && source[i + 1] === '/') {
      i = skipLine(source, i);
      continue;
    }
    if (ch === '#') {
      i = skipLine(source, i);
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    // strings and character literals that are not call arguments
    if (ch === '"' || ch === "'" || (ch === '@' && source[i + 1] === '"')) {
      i = readString(source, i)?.end ?? n;
      continue;
    }
    if (ch === 's' && (i === 0 || !isIdent(source[i - 1]!))) {
      const m = CALL.exec(source.slice(i, i + 64));
      if (m) {
        let j = i + m[0].length;
        const lit = readString(source, j);
        if (lit && lit.quote !== "'") {
          j = lit.end;
          while (j < n && /\s/.test(source[j]!)) j++;
          if (source[j] === ')') out.push({ kind: m[1] as 'log' | 'error', msg: lit.value });
          i = lit.end;
          continue;
        }
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  return out;
}

function isIdent(c: string): boolean {
  return /[A-Za-z0-9_.]/.test(c);
}

function skipLine(s: string, i: number): number {
  const end = s.indexOf('\n', i);
  return end < 0 ? s.length : end + 1;
}

/** Reads "..." (with escapes), '...' or @"..." (verbatim, "" = quote) at i. */
function readString(s: string, i: number): { value: string; end: number; quote: string } | undefined {
  if (s[i] === '@' && s[i + 1] === '"') {
    let j = i + 2;
    let value = '';
    while (j < s.length) {
      if (s[j] === '"') {
        if (s[j + 1] === '"') {
          value += '"';
          j += 2;
          continue;
        }
        return { value, end: j + 1, quote: '@' };
      }
      value += s[j++];
    }
    return undefined;
  }
  const quote = s[i];
  if (quote !== '"' && quote !== "'") return undefined;
  let j = i + 1;
  let value = '';
  while (j < s.length) {
    const c = s[j]!;
    if (c === quote) return { value, end: j + 1, quote };
    if (c === '\n') return undefined; // unterminated on this line
    if (c === '\\') {
      const e = s[j + 1];
      j += 2;
      switch (e) {
        case 'n': value += '\n'; break;
        case 't': value += '\t'; break;
        case 'r': value += '\r'; break;
        case '0': value += '\0'; break;
        case 'a': value += '\x07'; break;
        case 'b': value += '\b'; break;
        case 'f': value += '\f'; break;
        case 'v': value += '\v'; break;
        case 'x': {
          const hex = /^[0-9A-Fa-f]{1,4}/.exec(s.slice(j, j + 4))?.[0] ?? '';
          if (hex) value += String.fromCharCode(parseInt(hex, 16));
          j += hex.length;
          break;
        }
        case undefined: return undefined;
        default: value += e;
      }
      continue;
    }
    value += c;
    j++;
  }
  return undefined;
}
