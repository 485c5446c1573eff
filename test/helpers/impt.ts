// Runs the built `impt` as a user would: a child process with its own HOME
// and working directory, no IMPT_* variables from the outer environment.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const IMPT_BIN = path.join(ROOT, 'bin', 'impt.js');

export interface ImptResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ImptOptions {
  cwd?: string;
  home?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
}

export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('IMPT_') || /proxy/i.test(k) || k === 'FORCE_COLOR' || k === 'NO_COLOR') continue;
    env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function impt(args: string[], opts: ImptOptions = {}): Promise<ImptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [IMPT_BIN, ...args], {
      cwd: opts.cwd,
      env: cleanEnv({ HOME: opts.home, ...opts.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // a guard against a hung child, not a limit on slow work: a loaded machine may take long
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? -1 });
    });
    child.stdin.end(opts.input ?? '');
  });
}

const madeDirs: string[] = [];
// the temporary directories of a test file are removed after its tests
// (vitest runs each file in a module graph of its own)
afterAll(() => {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory (used as HOME or project directory), removed after the test file. */
export function tempDir(prefix = 'impt-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/** Writes an auth file for `dir` by logging in through the emulator's API directly. */
export async function writeAuthFileFor(dir: string, endpoint: string, user = 'demo', password = 'demo'): Promise<void> {
  const res = await fetch(`${endpoint}/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: user, password }),
  });
  const doc = (await res.json()) as { access_token: string; expires_at: string; refresh_token: string };
  const data = { endpoint, accessToken: doc.access_token, expiresAt: doc.expires_at, refreshToken: doc.refresh_token };
  fs.writeFileSync(path.join(dir, '.impt.auth'), JSON.stringify(data, null, 2), { mode: 0o600 });
}

/** Parses the first `id:` of an output (the primary entity), as the impt test suite does. */
export function firstId(stdout: string): string | undefined {
  return /id"?:\s+"?([A-Za-z0-9_:-]+)/.exec(stdout)?.[1];
}

/**
 * Starts impt on a pseudo-terminal (util-linux `script`). The shell that
 * `script` starts execs impt, so Ctrl-C typed on the terminal reaches impt
 * alone — a shell left waiting in the foreground (dash when $SHELL is unset)
 * would die of the SIGINT and report 130 whatever impt did.
 */
export function spawnOnTerminal(args: string[], opts: { cwd: string; home: string; env?: Record<string, string | undefined> }) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `exec ${[process.execPath, IMPT_BIN, ...args].map(quote).join(' ')}`;
  return spawn('script', ['-qec', command, '/dev/null'], {
    cwd: opts.cwd,
    env: cleanEnv({ HOME: opts.home, TERM: 'dumb', SHELL: '/bin/sh', ...opts.env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
