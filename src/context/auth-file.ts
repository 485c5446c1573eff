// `.impt.auth` files (interface/README.md §10.2): same keys and order as
// impt 2.6.1, written atomically with mode 0600 through `conf`.
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const AUTH_FILE_NAME = '.impt.auth';

export interface AuthFileData {
  endpoint?: string;
  accessToken: string;
  expiresAt: string;
  loginKey?: string;
  refreshToken?: string;
}

export type AuthFileRead = { status: 'missing' } | { status: 'corrupted' } | { status: 'ok'; data: AuthFileData };

export function authFilePath(dir: string): string {
  return join(dir, AUTH_FILE_NAME);
}

export function readAuthFile(path: string): AuthFileRead {
  if (!existsSync(path)) return { status: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { status: 'corrupted' };
  }
  const d = parsed as Partial<AuthFileData> | null;
  if (!d || typeof d !== 'object' || typeof d.accessToken !== 'string' || typeof d.expiresAt !== 'string') return { status: 'corrupted' };
  return { status: 'ok', data: d as AuthFileData };
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
  // editors); impt is no snap, so the write stays atomic and 0600.
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
