// Text layout of results (interface/README.md §5): a prettyjson-style
// renderer, byte-exact with impt 2.6.1 — key alignment over all keys of an
// object, trailing space after keys of nested blocks, inline scalar arrays.
import type { DisplayObject, Scalar, Value } from '../types/display.js';

export type { DisplayObject, Scalar, Value } from '../types/display.js';

export interface FormatOptions {
  /** minimal mode joins inline arrays with "," instead of ", " */
  minimal: boolean;
  /** colours a key (with its ": ") green, or a corrupted entity's key/value red */
  paint?: (text: string, color: 'green' | 'red') => string;
}

const MAX_TEXT = 512;
const CORRUPTED = 'Corrupted ';

function isObject(v: Value): v is DisplayObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function truncate(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}\n...` : s;
}

function isBlock(v: Value): boolean {
  if (isObject(v)) return true;
  // an empty array is not inline: the key line, then `-` one level deeper
  if (Array.isArray(v)) return v.length === 0 || isObject(v[0]!);
  return typeof v === 'string' && truncate(v).includes('\n');
}

function scalarText(v: Scalar): string {
  return v === null ? 'null' : String(v);
}

export function formatValue(value: Value, indent: number, opts: FormatOptions, lines: string[], red = false): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${pad}-`);
      return;
    }
    for (const item of value) formatValue(item, indent, opts, lines, red);
    return;
  }
  if (isObject(value)) {
    formatObject(value, indent, opts, lines, red);
    return;
  }
  if (typeof value === 'string') {
    const text = truncate(value);
    if (text.includes('\n')) {
      lines.push(`${pad}"""`);
      for (const l of text.split('\n')) lines.push(`${pad}  ${l}`);
      lines.push(`${pad}"""`);
      return;
    }
    lines.push(pad + text);
    return;
  }
  if (value !== undefined) lines.push(pad + scalarText(value));
}

function formatObject(obj: DisplayObject, indent: number, opts: FormatOptions, lines: string[], red: boolean): void {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const keyText = (k: string, isRed: boolean) => {
    const raw = `${k}: `;
    return opts.paint ? opts.paint(raw, isRed ? 'red' : 'green') : raw;
  };
  // The width counts the colour codes of red keys only (§6.1 quirk): when a
  // corrupted block is coloured, the other keys of its object get 10 more spaces.
  const measured = (k: string) => (red || k.startsWith(CORRUPTED) ? keyText(k, true).length : k.length + 2);
  const width = Math.max(0, ...keys.map(measured));
  const pad = ' '.repeat(indent);
  for (const key of keys) {
    const value = obj[key]!;
    const isRed = red || key.startsWith(CORRUPTED);
    const k = keyText(key, isRed);
    if (isBlock(value)) {
      lines.push(pad + k);
      formatValue(value, indent + 2, opts, lines, isRed);
      continue;
    }
    const fill = ' '.repeat(width - measured(key));
    let text: string;
    if (Array.isArray(value)) text = value.map((v) => scalarText(v as Scalar)).join(opts.minimal ? ',' : ', ');
    else text = scalarText(value as Scalar);
    if (isRed && opts.paint) text = opts.paint(text, 'red');
    lines.push(pad + k + fill + text);
  }
}

export function formatText(value: Value, opts: FormatOptions): string {
  const lines: string[] = [];
  formatValue(value, 0, opts, lines);
  return lines.join('\n');
}
