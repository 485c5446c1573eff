// `.impt.auth` files (interface/README.md §10.2): same keys and order as
// impt 2.6.1, written atomically with mode 0600 through `conf`.
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod/mini';
import { lazySchema, type Parsed } from '../api/wire.js';
import { readJsonFile, type JsonFileRead } from './json-file.js';

export const AUTH_FILE_NAME = '.impt.auth';

/**
 * Every key with its type; `accessToken` and `expiresAt` are required, and
 * `expiresAt` must be a date (impt's own files hold impCentral's ISO time).
 */
const AuthFileSchema = lazySchema(() =>
  z.object({
    endpoint: z.optional(z.string()),
    accessToken: z.string().check(z.minLength(1)),
    expiresAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)))),
    loginKey: z.optional(z.string()),
    refreshToken: z.optional(z.string()),
  }),
);

export type AuthFileData = Parsed<typeof AuthFileSchema>;

export type AuthFileRead = JsonFileRead<AuthFileData>;

export function authFilePath(dir: string): string {
  return join(dir, AUTH_FILE_NAME);
}

/** Missing, corrupted (not JSON, a required key missing, a key of the wrong type, no date in `expiresAt`) or the data. */
export function readAuthFile(path: string): AuthFileRead {
  return readJsonFile(path, AuthFileSchema.schema);
}

/** Orders keys as impt 2.6.1 does; absent keys are left out. */
export function orderedAuthData(d: AuthFileData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['endpoint', 'accessToken', 'expiresAt', 'loginKey', 'refreshToken'] as const) {
    const v = d[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Writes the file atomically, 2-space JSON without trailing newline, mode 0600 (DIFFERENCES F6). */
export async function writeAuthFile(path: string, data: AuthFileData): Promise<void> {
  const { default: Conf } = await import('conf');
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const conf = new Conf<Record<string, string>>({
    cwd: dirname(path),
    configName: name.slice(0, dot),
    fileExtension: name.slice(dot + 1),
    serialize: (v) => JSON.stringify(v, null, 2),
    configFileMode: 0o600,
    clearInvalidConfig: true,
    projectName: 'impt',
    watch: false,
  });
  // conf writes in place, keeping an existing file's mode, when SNAP is set
  // (it is inherited by shells started from snap-packaged terminals and
  // editors); impt is no snap, so the write stays atomic and 0600. conf
  // reads the process's environment, not the command's (which has no say
  // here): hidden there for the synchronous write, then put back.
  const snap = process.env.SNAP;
  delete process.env.SNAP;
  try {
    conf.store = orderedAuthData(data);
  } finally {
    if (snap !== undefined) process.env.SNAP = snap;
  }
}

export function deleteAuthFile(path: string): void {
  unlinkSync(path);
}
