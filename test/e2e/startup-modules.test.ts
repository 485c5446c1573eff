// What a one-request command loads: Node's TLS, HTTPS, HTTP/2, assert and
// child_process modules (~10 ms to load) serve only an https endpoint, a
// proxy or a few commands, zlib only compressed answers, os only a run
// without HOME, and load on first use (scripts/build.mjs); a command against
// a plain-http endpoint without a proxy never loads them.
// A command loads the bundles of the CLI it runs: its group's and the shared
// one, not the other groups' (scripts/cli-bundles.mjs).
// Spawned: the list of loaded built-ins is the process's own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { cleanEnv, IMPT_BIN, tempDir } from '../helpers/impt.js';

const RARE = ['tls', 'https', 'http2', 'assert', 'child_process', 'zlib', 'os'];

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ inMemory: true });
});
afterAll(async () => {
  await emu.stop();
});

/** Runs impt with `args` and returns its output and the rare built-ins it loaded. */
function loadedBy(args: string[], home = tempDir()): Promise<{ code: number | null; stdout: string; rare: string[] }> {
  // impt run from a script that, as the process ends, writes the loaded built-ins of RARE to stderr
  const script = `process.argv.splice(1, 0, ${JSON.stringify(IMPT_BIN)});
process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList
  .map((m) => m.replace(/^NativeModule /, '')).filter((m) => ${JSON.stringify(RARE)}.includes(m)))));
require(${JSON.stringify(IMPT_BIN)});`;
  return new Promise((resolve, reject) => {
    // the code caches in HOME: one for each bundle the run loaded
    const env = cleanEnv({ HOME: home, XDG_CACHE_HOME: undefined, IMPT_ENDPOINT: emu.url, IMPT_USER: 'demo', IMPT_PASSWORD: 'demo' });
    // `--`: the words after it are the script's, not node's (`--help`)
    const child = spawn(process.execPath, ['-e', script, '--', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, stdout, rare: JSON.parse(stderr) as string[] });
      } catch {
        reject(new Error(`impt ${args.join(' ')} ended ${code}: ${stdout}${stderr}`));
      }
    });
  });
}

describe('built-in modules of a one-request command', () => {
  it('product list over plain http loads none of TLS, HTTPS, HTTP/2, assert, child_process, zlib and os', async () => {
    const r = await loadedBy(['product', 'list', '-z', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expect.any(Array));
    expect(r.rare).toEqual([]);
  });
});

describe('bundles a command loads', () => {
  /** The bundles a run loaded: each leaves its code cache in the new HOME. */
  async function bundlesOf(args: string[]): Promise<string[]> {
    const home = tempDir();
    const r = await loadedBy(args, home);
    expect(r.code).toBe(0);
    const dir = path.join(home, '.cache', 'impt');
    return fs.readdirSync(dir).map((f) => f.replace(/-\d+\.\d+\..*$/, '')).sort();
  }

  it('product list: the core, the shared bundle and the product group', async () => {
    expect(await bundlesOf(['product', 'list', '-z', 'json'])).toEqual(['impt', 'impt-commands', 'impt-product']);
  });

  it('device list -z table: the device group and the table layout', async () => {
    expect(await bundlesOf(['device', 'list', '-z', 'table'])).toEqual(['impt', 'impt-commands', 'impt-device', 'impt-table']);
  });

  it('--help: the core and the help layout', async () => {
    expect(await bundlesOf(['--help'])).toEqual(['impt', 'impt-help']);
  });
});
