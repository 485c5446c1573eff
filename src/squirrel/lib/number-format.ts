// Numbers as text, the way Squirrel 3.0.4 on the imp writes and reads them.
//
// Squirrel 3.0.4 prints a float with C's `%g` (sqvm.cpp ToString), and the
// string delegates tointeger()/tofloat() parse with strtol/strtod (str2num in
// sqbaselib.cpp). C's printf rounds the exact binary value half-to-even, which
// JS's toPrecision/toFixed do not (they round ties up), so the digits come from
// an exact decimal expansion of the double instead.

import { SqFloat, rtError } from '../value.js';

/** A float result stored at the VM's width: device floats are IEEE single precision. */
export function roundFloat(v: number, bits: 32 | 64): number {
  return bits === 32 ? Math.fround(v) : v;
}

/** A new SqFloat rounded to the VM's float width. */
export function sqFloat(v: number, bits: 32 | 64): SqFloat {
  return new SqFloat(roundFloat(v, bits));
}

/**
 * C's (int) cast of a float: truncation toward zero. Out-of-range values are
 * undefined behaviour in C; the imp's ARM core saturates (VCVT) and gives 0 for
 * NaN, and so do we (INFERENCE for agents, which run on x86 servers).
 */
export function floatToInt(v: number): number {
  if (Number.isNaN(v)) return 0;
  if (v >= 2147483647) return 2147483647;
  if (v <= -2147483648) return -2147483648;
  return Math.trunc(v) | 0;
}

/** Squirrel's tostring() of a float: `%g`, 6 significant digits. */
export function floatToString(v: number, bits: 32 | 64): string {
  return formatFloat(roundFloat(v, bits), 'g', 6, false);
}

// ---- exact decimal digits ----------------------------------------------

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The exact decimal value of a finite x > 0 as digits × 10^exp (digits without leading zeros). */
function exactDecimal(x: number): { digits: string; exp: number } {
  f64[0] = x;
  const hi = u32[1]!;
  const lo = u32[0]!;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (biased === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  if (e2 >= 0) return { digits: (mant << BigInt(e2)).toString(), exp: 0 };
  // m / 2^k = m·5^k / 10^k
  const k = -e2;
  const digits = (mant * 5n ** BigInt(k)).toString();
  return { digits, exp: -k };
}

/** Rounds the digit string to `keep` digits, half to even; may carry into a new leading digit. */
function roundDigits(digits: string, keep: number): { digits: string; carried: boolean } {
  if (keep >= digits.length) return { digits: digits.padEnd(keep, '0'), carried: false };
  if (keep < 0) return { digits: '', carried: false };
  const head = digits.slice(0, keep);
  const next = digits.charCodeAt(keep) - 48;
  let up = next > 5;
  if (next === 5) {
    const restNonZero = /[1-9]/.test(digits.slice(keep + 1));
    const lastOdd = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1;
    up = restNonZero || lastOdd;
  }
  if (!up) return { digits: head, carried: false };
  const inc = (BigInt(head === '' ? '0' : head) + 1n).toString();
  if (inc.length > keep) return { digits: inc, carried: true };
  return { digits: inc.padStart(keep, '0'), carried: false };
}

/** x > 0 rounded to `sig` significant digits: d.ddd × 10^e10 as { digits, e10 }. */
function significant(x: number, sig: number): { digits: string; e10: number } {
  const { digits, exp } = exactDecimal(x);
  let e10 = digits.length - 1 + exp;
  let r = roundDigits(digits, sig);
  if (r.carried) {
    e10++;
    r = { digits: r.digits.slice(0, sig), carried: false };
  }
  return { digits: r.digits, e10 };
}

/** x ≥ 0 with `frac` digits after the point, as C's %f. */
function fixed(x: number, frac: number, alt: boolean): string {
  let intPart: string;
  let fracPart: string;
  if (x === 0) {
    intPart = '0';
    fracPart = '0'.repeat(frac);
  } else {
    const { digits, exp } = exactDecimal(x);
    // Digits before the point: digits.length + exp (may be ≤ 0).
    const pointPos = digits.length + exp;
    const keep = pointPos + frac;
    let all: string;
    if (keep < 0) all = '';
    else {
      const r = roundDigits(digits, keep);
      all = r.digits;
    }
    // all now holds digits whose last one is at 10^-frac.
    all = all.padStart(frac + 1, '0');
    intPart = all.slice(0, all.length - frac).replace(/^0+(?=\d)/, '');
    fracPart = all.slice(all.length - frac);
  }
  if (frac > 0) return `${intPart}.${fracPart}`;
  return alt ? `${intPart}.` : intPart;
}

function expo(e10: number, upper: boolean): string {
  const sign = e10 < 0 ? '-' : '+';
  const abs = Math.abs(e10);
  return `${upper ? 'E' : 'e'}${sign}${abs < 10 ? '0' : ''}${abs}`;
}

/** x ≥ 0 as C's %e. */
function exponential(x: number, prec: number, upper: boolean, alt: boolean): string {
  let digits: string;
  let e10: number;
  if (x === 0) {
    digits = '0'.repeat(prec + 1);
    e10 = 0;
  } else ({ digits, e10 } = significant(x, prec + 1));
  const mant = digits.length > 1 || alt ? `${digits[0]}.${digits.slice(1)}` : digits;
  return mant + expo(e10, upper);
}

/** x ≥ 0 as C's %g. */
function general(x: number, prec: number, upper: boolean, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const e10 = x === 0 ? 0 : significant(x, p).e10;
  let s: string;
  if (e10 < p && e10 >= -4) s = fixed(x, p - 1 - e10, alt);
  else s = exponential(x, p - 1, upper, alt);
  if (alt) return s;
  // Without '#', trailing zeros of the fraction go, and the point with them.
  const ePos = s.search(/[eE]/);
  const mant = ePos < 0 ? s : s.slice(0, ePos);
  const tail = ePos < 0 ? '' : s.slice(ePos);
  const trimmed = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  return trimmed + tail;
}

/**
 * A float as C's printf writes it for conversion `conv` ('f' 'e' 'E' 'g' 'G')
 * and precision `prec`, with sign (only '-') but no padding. Non-finite values
 * are `inf`, `-inf` and `nan` (upper case for E/G). INFERENCE: NaN prints
 * without a sign, as newlib's printf on the imp's ARM core does (glibc would
 * print `-nan` for a negative NaN).
 */
export function formatFloat(v: number, conv: 'f' | 'F' | 'e' | 'E' | 'g' | 'G', prec: number, alt: boolean): string {
  const upper = conv === 'E' || conv === 'G' || conv === 'F';
  if (Number.isNaN(v)) return upper ? 'NAN' : 'nan';
  const neg = v < 0 || Object.is(v, -0);
  const x = Math.abs(v);
  let body: string;
  if (x === Infinity) body = upper ? 'INF' : 'inf';
  else if (conv === 'f' || conv === 'F') body = fixed(x, prec, alt);
  else if (conv === 'e' || conv === 'E') body = exponential(x, prec, upper, alt);
  else body = general(x, prec, upper, alt);
  return neg ? `-${body}` : body;
}

// ---- parsing -------------------------------------------------------------

const SPACE = /^[ \t\n\v\f\r]*/;

/** C strtol: the integer at the start of s in `base` (0 = auto), clamped to 32 bits; null if none. */
export function strtol(s: string, base: number): number | null {
  let i = SPACE.exec(s)![0].length;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const hexPrefix = s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s.charCodeAt(i + 2)) < 16;
  if (base === 0) base = hexPrefix ? 16 : s[i] === '0' ? 8 : 10;
  if (base === 16 && hexPrefix) i += 2;
  let value = 0;
  let any = false;
  for (; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= base) break;
    any = true;
    // Keep accumulating past 2^31 only as far as the clamp needs.
    if (value <= 0x80000000) value = value * base + d;
  }
  if (!any) return null;
  // Squirrel's integers are 32-bit, like the imp's `long`: strtol saturates (INFERENCE for agents).
  if (neg) return value >= 0x80000000 ? -2147483648 : -value | 0;
  return value >= 0x7fffffff ? 2147483647 : value;
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const HEXFLOAT = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?\d+))?/;
const SPECIAL = /^([+-]?)(inf(?:inity)?|nan(?:\([0-9A-Za-z_]*\))?)/i;

/** C strtod: the float at the start of s; null if none. */
export function strtod(s: string): number | null {
  const t = s.slice(SPACE.exec(s)![0].length);
  let m = SPECIAL.exec(t);
  if (m) {
    if (m[2]![0]!.toLowerCase() === 'n') return NaN;
    return m[1] === '-' ? -Infinity : Infinity;
  }
  m = HEXFLOAT.exec(t);
  if (m) {
    const [intDigits = '', fracDigits = ''] = m[2]!.split('.');
    let v = 0;
    for (const c of intDigits + fracDigits) v = v * 16 + digitValue(c.charCodeAt(0));
    v *= 2 ** (Number(m[3] ?? 0) - 4 * fracDigits.length);
    return m[1] === '-' ? -v : v;
  }
  m = DECIMAL.exec(t);
  if (!m) return null;
  return Number(m[0]);
}

/**
 * str2num of Squirrel 3.0.4: a string containing '.' is read with strtod,
 * any other with strtol(base 10) — so "1e3".tofloat() is 1.0 and "12ab" is 12.
 * Returns null where Squirrel says `cannot convert the string`.
 */
export function strToNum(s: string, bits: 32 | 64): number | SqFloat | null {
  if (s.includes('.')) {
    const f = strtod(s);
    return f === null ? null : sqFloat(f, bits);
  }
  return strtol(s, 10);
}

/** string.tointeger([base]) (the base argument is the 3.1 form; INFERENCE that the imp has it). */
export function stringToInteger(s: string, base: number | undefined, bits: 32 | 64): number {
  if (base !== undefined && base !== 10) {
    if (base < 2 || base > 36) throw rtError('invalid base');
    const n = strtol(s, base);
    if (n === null) throw rtError('cannot convert the string');
    return n;
  }
  const n = strToNum(s, bits);
  if (n === null) throw rtError('cannot convert the string');
  return n instanceof SqFloat ? floatToInt(n.v) : n;
}

/** string.tofloat(). */
export function stringToFloat(s: string, bits: 32 | 64): SqFloat {
  const n = strToNum(s, bits);
  if (n === null) throw rtError('cannot convert the string');
  return n instanceof SqFloat ? n : new SqFloat(roundFloat(n, bits));
}
