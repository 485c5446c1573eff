// What a journal line holds — one transaction {"s": N, "ops": [...]} — and
// the checks that tell a record, a log line or a transaction of the data dir
// from anything else.
import { COLLECTIONS, type CollName, type LogEntry } from './model.js';

export type JournalOp =
  | ['put', CollName, { id: string }]
  | ['del', CollName, string]
  | ['log', string, LogEntry]
  | ['clearlogs', string];

export interface Transaction {
  s: number;
  ops: JournalOp[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isMapOf(v: unknown, valueOk: (v: unknown) => boolean): boolean {
  return isObject(v) && Object.values(v).every(valueOk);
}

/** Enough of a record for the store to index it. */
export function isRecord(coll: CollName, r: unknown): r is { id: string } {
  return isObject(r) && typeof r.id === 'string' && (coll !== 'devices' || typeof r.mac_address === 'string');
}

export function isLogEntry(e: unknown): e is LogEntry {
  return isObject(e) && typeof e.ts === 'string' && typeof e.type === 'string' && typeof e.msg === 'string';
}

const isCollection = (c: unknown): c is CollName => COLLECTIONS.includes(c as CollName);

function isOp(op: unknown): op is JournalOp {
  if (!Array.isArray(op)) return false;
  switch (op[0]) {
    case 'put':
      return op.length === 3 && isCollection(op[1]) && isRecord(op[1], op[2]);
    case 'del':
      return op.length === 3 && isCollection(op[1]) && typeof op[2] === 'string';
    case 'log':
      return op.length === 3 && typeof op[1] === 'string' && isLogEntry(op[2]);
    case 'clearlogs':
      return op.length === 2 && typeof op[1] === 'string';
    default:
      return false;
  }
}

/** One journal line as a transaction, null when it is not one. */
export function parseTransaction(line: string): Transaction | null {
  let tx: unknown;
  try {
    tx = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isObject(tx) || !Number.isSafeInteger(tx.s) || (tx.s as number) < 1 || !Array.isArray(tx.ops) || !tx.ops.every(isOp)) return null;
  return tx as unknown as Transaction;
}
