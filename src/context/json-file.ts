// What the configuration files of impt have in common: JSON objects read
// whole and checked field by field, written with impt's layout, and deleted
// only when they are regular files.
import { chmodSync, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import type * as z from 'zod/mini';
import { ContextError } from '../errors.js';

export type JsonFileRead<T> = { status: 'missing' } | { status: 'corrupted' } | { status: 'ok'; data: T };

/**
 * A configuration file checked against its schema: absent, corrupted (not
 * JSON, unreadable, or a field of the wrong type), or its data. `data` is
 * the object as read (key order and unknown keys kept), not the schema's copy.
 */
export function readJsonFile<S extends z.ZodMiniType>(path: string, schema: S): JsonFileRead<z.output<S>> {
  if (!existsSync(path)) return { status: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { status: 'corrupted' };
  }
  return schema.safeParse(parsed).success ? { status: 'ok', data: parsed as z.output<S> } : { status: 'corrupted' };
}

/** A JSON object file: `undefined` when absent, `{}` when it is not a JSON object. */
export function readJsonObjectLoose(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * 2-space JSON without a trailing newline, the layout of every impt config
 * file. With `mode`, an existing file gets that mode before it is rewritten.
 */
export function writeJsonFile(path: string, data: unknown, mode?: number): void {
  try {
    if (mode !== undefined && existsSync(path)) chmodSync(path, mode);
    writeFileSync(path, JSON.stringify(data, null, 2), mode === undefined ? undefined : { mode });
  } catch (e) {
    throw fileAccessError(path, e);
  }
}

/** `File error: «path»: «the system's message».` */
export function fileAccessError(path: string, e: unknown): ContextError {
  return new ContextError({ kind: 'file-access', path, reason: (e as Error).message });
}

/**
 * Configuration and source files named in a file that travels with a
 * repository are removed only when they are regular files: a directory (or
 * anything else) under that name is refused, `shown` naming it. Absent is fine.
 */
export function checkDeletableFile(path: string, shown: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return;
  }
  if (!isFile) throw new ContextError({ kind: 'not-regular-file', path: shown });
}

/** Unlinks one file (a symbolic link itself, never its target), after `checkDeletableFile`. */
export function deleteFile(path: string, shown: string): void {
  checkDeletableFile(path, shown);
  try {
    unlinkSync(path);
  } catch (e) {
    throw fileAccessError(shown, e);
  }
}
