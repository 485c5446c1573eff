// format(fmt, ...): sqstd_format of Squirrel 3.0.4 — each %-specifier is
// checked as sqstdstring.cpp's validate_format does (width and precision at most
// two digits, flags `-+ #0`, no `*`, no length modifiers) and converted as the
// imp's C printf would, on 32-bit integers and on floats of the VM's width.

import { SqFloat, rtError } from '../value.js';
import type { SqValue } from '../value.js';
import { argString, argTypeError } from './args.js';
import { floatToInt, floatToString, formatFloat, roundFloat } from './number-format.js';

interface Spec {
  left: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  /** -1: not given. */
  prec: number;
}

/** format(): args[0] is the format string (parameter 1), the values follow. */
export function sqFormat(args: SqValue[], bits: 32 | 64): string {
  const fmt = argString(args, 0);
  let out = '';
  let n = 0;
  let param = 1;
  while (n < fmt.length) {
    const pct = fmt.indexOf('%', n);
    if (pct < 0) {
      out += fmt.slice(n);
      break;
    }
    out += fmt.slice(n, pct);
    n = pct + 1;
    if (fmt[n] === '%') {
      out += '%';
      n++;
      continue;
    }
    // Squirrel 3.0.4's own text, typo included (sqstdstring.cpp).
    if (param >= args.length) throw rtError('not enough paramters for the given format string');
    const start = n;
    const spec: Spec = { left: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: -1 };
    for (;;) {
      const c = fmt[n];
      if (c === '-') spec.left = true;
      else if (c === '+') spec.plus = true;
      else if (c === ' ') spec.space = true;
      else if (c === '#') spec.alt = true;
      else if (c === '0') spec.zero = true;
      else break;
      n++;
    }
    [spec.width, n] = digits(fmt, n, 'width format too long');
    if (fmt[n] === '.') [spec.prec, n] = digits(fmt, n + 1, 'precision format too long');
    if (n - start > 20) throw rtError('format too long');
    const conv = fmt[n];
    const value = args[param]!;
    switch (conv) {
      case 's':
        out += formatStr(stringArg(args, param, bits), spec);
        break;
      case 'd':
      case 'i':
      case 'o':
      case 'u':
      case 'x':
      case 'X':
      case 'c':
        out += formatInt(intArg(args, param), conv, spec);
        break;
      case 'f':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        if (typeof value !== 'number' && !(value instanceof SqFloat)) throw argTypeError(args, param, 'float');
        out += formatReal(typeof value === 'number' ? roundFloat(value, bits) : value.v, conv, spec);
        break;
      default:
        throw rtError('invalid format');
    }
    n++;
    param++;
  }
  return out;
}

/** Up to two decimal digits (MAX_WFORMAT_LEN 3 with the terminator); a third is an error. */
function digits(fmt: string, n: number, tooLong: string): [number, number] {
  let count = 0;
  let value = 0;
  while (n < fmt.length && fmt.charCodeAt(n) >= 48 && fmt.charCodeAt(n) <= 57) {
    if (++count >= 3) throw rtError(tooLong);
    value = value * 10 + fmt.charCodeAt(n) - 48;
    n++;
  }
  return [value, n];
}

/**
 * %s takes a string. INFERENCE: the imp also prints integers and floats with %s
 * (as tostring() would); any other type is refused with the parameter-type
 * error the spec gives. C stops a %s argument at its first NUL byte.
 */
function stringArg(args: SqValue[], param: number, bits: 32 | 64): string {
  const v = args[param]!;
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number') s = String(v);
  else if (v instanceof SqFloat) s = floatToString(v.v, bits);
  else throw argTypeError(args, param, 'string');
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** Integer conversions take an integer, or a float truncated as sq_getinteger does. */
function intArg(args: SqValue[], param: number): number {
  const v = args[param]!;
  if (typeof v === 'number') return v;
  if (v instanceof SqFloat) return floatToInt(v.v);
  throw argTypeError(args, param, 'integer');
}

function formatStr(s: string, spec: Spec): string {
  const body = spec.prec >= 0 ? s.slice(0, spec.prec) : s;
  return pad('', body, spec, false);
}

function formatInt(v: number, conv: string, spec: Spec): string {
  if (conv === 'c') return pad('', String.fromCharCode(v & 0xff), spec, false);
  let prefix = '';
  let body: string;
  if (conv === 'd' || conv === 'i') {
    if (v < 0) prefix = '-';
    else if (spec.plus) prefix = '+';
    else if (spec.space) prefix = ' ';
    body = Math.abs(v).toString();
  } else {
    const u = v >>> 0;
    body = u.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
    if (conv === 'X') body = body.toUpperCase();
    if (spec.alt && u !== 0 && (conv === 'x' || conv === 'X')) prefix = conv === 'x' ? '0x' : '0X';
  }
  // A precision is the minimum number of digits; precision 0 prints nothing for 0.
  if (spec.prec >= 0) body = spec.prec === 0 && body === '0' ? '' : body.padStart(spec.prec, '0');
  if (spec.alt && conv === 'o' && !body.startsWith('0')) body = `0${body}`;
  return pad(prefix, body, spec, spec.prec < 0);
}

function formatReal(v: number, conv: 'f' | 'e' | 'E' | 'g' | 'G', spec: Spec): string {
  const text = formatFloat(v, conv, spec.prec < 0 ? 6 : spec.prec, spec.alt);
  let prefix = '';
  let body = text;
  if (text.startsWith('-')) {
    prefix = '-';
    body = text.slice(1);
  } else if (spec.plus) prefix = '+';
  else if (spec.space) prefix = ' ';
  // C pads inf and nan with spaces even under the '0' flag.
  return pad(prefix, body, spec, Number.isFinite(v));
}

/** Pads to the width: left-justified, zero-filled after the sign/prefix, or right-justified. */
function pad(prefix: string, body: string, spec: Spec, zeroAllowed: boolean): string {
  const len = prefix.length + body.length;
  if (len >= spec.width) return prefix + body;
  const fill = spec.width - len;
  if (spec.left) return prefix + body + ' '.repeat(fill);
  if (spec.zero && zeroAllowed) return prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + prefix + body;
}
