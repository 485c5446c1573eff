// Starts the built emulator (dist/, via bin/impt-emulator.js) as a child
// process on 127.0.0.1 with a free port and a temporary data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './impt.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'impt-emulator.js');

export interface StartEmulatorOptions {
  /** Seed object (written to a temp file and passed with --seed). */
  seed?: object;
  /** --token-ttl in seconds. */
  tokenTtl?: number;
  /** --in-memory instead of a data dir. */
  inMemory?: boolean;
  /** Use this data dir instead of a fresh temporary one (not removed on stop). */
  dataDir?: string;
  /** More arguments for `impt-emulator start`, e.g. ['--rate-limit', '5']. */
  extraArgs?: string[];
  /** More environment variables for the emulator, e.g. { IMPT_EMULATOR_FOLD_AFTER: '2' }. */
  env?: NodeJS.ProcessEnv;
}

export interface EmulatorHandle {
  /** http://127.0.0.1:PORT/v5 (updated by restart()). */
  url: string;
  /** http://127.0.0.1:PORT (updated by restart()). */
  origin: string;
  dataDir: string;
  /** Calls an admin route, e.g. admin('POST', 'reset'); returns parsed JSON (or null for no body). */
  admin(method: string, path: string, body?: unknown): Promise<any>;
  /** Stops the process (default SIGTERM) and waits for its exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops (if running) and starts again on the same data dir; url/origin may change. */
  restart(): Promise<void>;
}

function launch(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errText = '';
    // a guard against an emulator that never starts, not a limit on a slow start
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start within 120 s: ${errText || out}`));
    }, 120_000);
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => (errText += d));
    child.stdout!.on('data', (d: string) => {
      out += d;
      const m = /impCentral emulator listening on (http:\/\/\S+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with code ${code}: ${errText.trim()}`));
    });
  });
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  // removed after the test file, once the emulator has been stopped
  const tmp = tempDir('impt-emu-');
  const dataDir = opts.dataDir ?? path.join(tmp, 'data');
  const args = ['start', '--host', '127.0.0.1', '--port', '0'];
  if (opts.inMemory) args.push('--in-memory');
  else args.push('--data-dir', dataDir);
  if (opts.seed) {
    const seedFile = path.join(tmp, 'seed.json');
    fs.writeFileSync(seedFile, JSON.stringify(opts.seed));
    args.push('--seed', seedFile);
  }
  if (opts.tokenTtl !== undefined) args.push('--token-ttl', String(opts.tokenTtl));
  if (opts.extraArgs) args.push(...opts.extraArgs);

  let { child, url } = await launch(args, opts.env);
  let running = true;
  child.once('exit', () => (running = false));

  const handle: EmulatorHandle = {
    url,
    origin: url.replace(/\/v5$/, ''),
    dataDir,
    async admin(method, p, body) {
      const res = await fetch(`${handle.origin}/_emulator/${p.replace(/^\/+/, '')}`, {
        method,
        headers: { 'content-type': 'application/json' }, // required on every POST
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return text ? JSON.parse(text) : null;
    },
    async stop(signal = 'SIGTERM') {
      if (!running) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    },
    async restart() {
      await handle.stop();
      ({ child, url } = await launch(args, opts.env));
      running = true;
      child.once('exit', () => (running = false));
      handle.url = url;
      handle.origin = url.replace(/\/v5$/, '');
    },
  };
  return handle;
}

/** Runs `impt-emulator «args»` (an admin verb, `exec`, a failing `start`) to its end. */
export function runEmulatorCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
