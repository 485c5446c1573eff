// What a one-request command loads: Node's TLS, HTTPS, HTTP/2, assert and
// child_process modules (~10 ms to load) serve only an https endpoint, a
// proxy or a few commands, zlib only compressed answers, os only a run
// without HOME, and load on first use (scripts/build.mjs); a command against
// a plain-http endpoint without a proxy never loads them.
// Spawned: the list of loaded built-ins is the process's own.
import { spawn } from 'node:child_process';
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
function loadedBy(args: string[]): Promise<{ code: number | null; stdout: string; rare: string[] }> {
  // impt run from a script that, as the process ends, writes the loaded built-ins of RARE to stderr
  const script = `process.argv.splice(1, 0, ${JSON.stringify(IMPT_BIN)});
process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList
  .map((m) => m.replace(/^NativeModule /, '')).filter((m) => ${JSON.stringify(RARE)}.includes(m)))));
require(${JSON.stringify(IMPT_BIN)});`;
  return new Promise((resolve, reject) => {
    const env = cleanEnv({ HOME: tempDir(), IMPT_ENDPOINT: emu.url, IMPT_USER: 'demo', IMPT_PASSWORD: 'demo' });
    const child = spawn(process.execPath, ['-e', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, rare: JSON.parse(stderr) as string[] }));
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
