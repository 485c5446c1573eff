// Admin routes and the impt-emulator command line as documented in
// docs/emulator.md: bad input gives a clear error (never a 500 or a stack
// trace), state kept in the data dir survives restarts, exec isolates the
// script from the caller's impt login.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmulatorCli, startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { call, login } from './util.js';
import { tempDir } from '../helpers/impt.js'; // removed after the file's tests

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'impt-emulator.js');

const run = runEmulatorCli;

/** `impt-emulator start` expected to fail at once. */
function startFails(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'start', '--port', '0', ...args], { encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmpDir = () => tempDir('impt-sim-admin-');

async function post(emu: EmulatorHandle, p: string, body?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.origin}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, body: await res.json() };
}

describe('admin routes: bad input', () => {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
  });
  afterAll(() => emu.stop());

  it('rejects a clock advance out of range with 400 and keeps working', async () => {
    for (const advance of [1e300, -100]) {
      const r = await post(emu, '/_emulator/clock', JSON.stringify({ advance_seconds: advance }));
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ error: expect.stringMatching(/^advance_seconds: /) });
    }
    expect((await emu.admin('GET', 'health')).status).toBe('ok');
    expect((await emu.admin('GET', 'clock')).data.offset_seconds).toBe(0);
    expect((await call(emu, 'POST', '/auth', { body: { id: 'demo', password: 'demo' } })).status).toBe(200);
  });

  it('names the problem of a bad log body', async () => {
    const logs = '/_emulator/devices/30000c2a690c0001/logs';
    const cases: [string, string][] = [
      ['{"lines":[{"type":"server.log"}]}', 'lines.0: needs "message" (a string)'],
      ['{"lines":[5]}', 'lines.0: must be a string or an object with "message"'],
      ['{"lines":[{"message":"m","type":3}]}', 'lines.0.type: Invalid input: expected string, received number'],
      ['{}', 'lines: required'],
      ['{"lines":[{"message":"m","ts":"yesterday"}]}', 'lines.0.ts: must be an ISO 8601 timestamp, e.g. 2024-01-01T00:00:00.000Z'],
      ['{bad', 'body must be JSON'],
    ];
    for (const [body, error] of cases) {
      const r = await post(emu, logs, body);
      expect([body, r.status, r.body]).toEqual([body, 400, { error }]);
    }
    const ok = await post(emu, logs, '{"lines":[{"message":"m","ts":"2024-01-01T02:00:00+02:00"}]}');
    expect(ok).toEqual({ status: 201, body: { data: [{ ts: '2024-01-01T00:00:00.000Z', type: 'server.log', msg: 'm' }] } });
  });

  it('answers an unknown admin route or method with a 404 {"error"}', async () => {
    const res = await fetch(`${emu.origin}/_emulator/devices`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no admin route GET /_emulator/devices' });
    const typo = await post(emu, '/_emulator/device/30000c2a690c0001/online');
    expect(typo).toEqual({ status: 404, body: { error: 'no admin route POST /_emulator/device/30000c2a690c0001/online' } });
  });

  it('names the entity that DELETE /_emulator/entities could not find', async () => {
    const res = await fetch(`${emu.origin}/_emulator/entities/products/nope`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'product "nope" not found' });
  });
});

describe('data dir', () => {
  it('keeps the advanced clock across a restart: expired tokens stay expired', async () => {
    const emu = await startEmulator();
    try {
      const token = await login(emu);
      await emu.admin('POST', 'clock', { advance_seconds: 7200 });
      expect((await call(emu, 'GET', '/accounts/me', { token })).status).toBe(401);
      await emu.restart();
      expect((await emu.admin('GET', 'clock')).data.offset_seconds).toBe(7200);
      expect((await call(emu, 'GET', '/accounts/me', { token })).status).toBe(401);
    } finally {
      await emu.stop();
    }
  });

  it('refuses a seed with an unknown account reference even for an existing data dir', async () => {
    const dir = tmpDir();
    const emu = await startEmulator({ dataDir: path.join(dir, 'data') });
    await emu.stop();
    const seed = path.join(dir, 'seed.json');
    fs.writeFileSync(seed, JSON.stringify({ accounts: [{ username: 'a', email: 'a@x', password: 'a' }], devices: [{ owner: 'zz' }] }));
    const r = startFails(['--data-dir', path.join(dir, 'data'), '--seed', seed]);
    expect(r).toEqual({ status: 1, stdout: '', stderr: 'impt-emulator: invalid seed: devices.0.owner: unknown account "zz"\n' });
  });

  it('explains an unusable data dir in one line', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'file');
    fs.writeFileSync(file, '');
    expect(startFails(['--data-dir', file])).toEqual({ status: 1, stdout: '', stderr: `impt-emulator: cannot use data dir ${file}: it is not a directory\n` });
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'state.json'), '{garbage');
    const r = startFails(['--data-dir', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^impt-emulator: cannot use data dir ${bad}: state\\.json is not valid JSON \\(.+\\)\\n$`));
    fs.writeFileSync(path.join(bad, 'state.json'), '{"version":1}');
    expect(startFails(['--data-dir', bad]).stderr).toBe(`impt-emulator: cannot use data dir ${bad}: state.json is not an emulator snapshot\n`);
    const badSeed = path.join(dir, 'bad-seed');
    fs.mkdirSync(badSeed);
    fs.writeFileSync(path.join(badSeed, 'seed.json'), '[]');
    expect(startFails(['--data-dir', badSeed]).stderr).toBe(
      `impt-emulator: cannot use data dir ${badSeed}: seed.json: invalid seed: (root): Invalid input: expected object, received array\n`,
    );
  });
});

describe('exec', () => {
  it('says so when its port is taken', async () => {
    const emu = await startEmulator({ inMemory: true });
    try {
      const port = new URL(emu.url).port;
      const r = await run(['exec', '--port', port, '--', process.execPath, '-e', '']);
      expect(r).toEqual({ code: 1, stdout: '', stderr: `impt-emulator: port ${port} on 127.0.0.1 is already in use.\n` });
    } finally {
      await emu.stop();
    }
  });

  it("ignores the caller's IMPT_AUTH_FILE_PATH and puts its own impt-emulator on the PATH", async () => {
    const authDir = tmpDir();
    fs.writeFileSync(
      path.join(authDir, '.impt.auth'),
      JSON.stringify({ endpoint: 'http://127.0.0.1:1/v5', accessToken: 'x', expiresAt: '2000-01-01T00:00:00.000Z' }),
    );
    const r = await run(['exec', 'impt auth info -z json && impt-emulator health && echo "auth=[$IMPT_AUTH_FILE_PATH]"'], {
      IMPT_AUTH_FILE_PATH: authDir,
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"Auth type": "Environment variables"');
    expect(r.stdout).toContain('"status": "ok"');
    expect(r.stdout).toContain('auth=[]');
  });
});

describe('admin verbs', () => {
  it('cover health, reset, requests and entities; --advance only goes forward', async () => {
    const emu = await startEmulator({ inMemory: true });
    try {
      const url = ['--url', emu.origin];
      const token = await login(emu);
      await call(emu, 'POST', '/products', { token, body: { data: { type: 'product', attributes: { name: 'P' } } } });
      const health = await run(['health', ...url]);
      expect(health.code, health.stderr).toBe(0);
      expect(JSON.parse(health.stdout)).toMatchObject({ status: 'ok', counts: { accounts: 1, devices: 3 } });
      const requests = await run(['requests', ...url]);
      expect(JSON.parse(requests.stdout).data.map((q: any) => `${q.method} ${q.path}`)).toEqual(['POST /auth', 'POST /products']);
      expect(await run(['requests', '--clear', ...url])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect((await emu.admin('GET', 'requests')).data).toEqual([]);
      const missing = await run(['entities', 'delete', 'products', 'nope', ...url]);
      expect(missing).toEqual({ code: 1, stdout: '', stderr: 'impt-emulator: product "nope" not found\n' });
      const reset = await run(['reset', ...url]);
      expect(reset.code, reset.stderr).toBe(0);
      expect((await call(emu, 'GET', '/products', { token })).status).toBe(401);
      const back = await run(['clock', '--advance', '-5', ...url]);
      expect(back.code).toBe(1);
      expect(back.stderr).toContain("error: option '--advance <seconds>' argument '-5' is invalid. must be a number of seconds (0 or more).");
    } finally {
      await emu.stop();
    }
  });
});
