import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEmulatorCli, startEmulator } from '../helpers/emulator.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'impt-emulator.js');

const run = runEmulatorCli;

describe('impt-emulator exec', () => {
  it('passes exit codes through and sets the endpoint and credentials', async () => {
    const script = [
      'const { IMPT_ENDPOINT: e, IMPT_USER: u, IMPT_PASSWORD: p } = process.env;',
      'const r = await fetch(e + "/auth", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: u, password: p }) });',
      'console.log(JSON.stringify({ e, u, status: r.status }));',
      'process.exit(7);',
    ].join('\n');
    const r = await run(['exec', '--', process.execPath, '--input-type=module', '-e', script]);
    expect(r.code).toBe(7);
    const out = JSON.parse(r.stdout.trim());
    expect(out).toMatchObject({ e: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v5$/), u: 'demo', status: 200 });
    const zero = await run(['exec', '--', process.execPath, '-e', 'process.exit(0)']);
    expect(zero.code).toBe(0);
    // a single argument runs through the shell
    const sh = await run(['exec', 'exit 3']);
    expect(sh.code).toBe(3);
    const missing = await run(['exec', '--', 'impt-emulator-no-such-command', 'x']);
    expect(missing.code).toBe(127);
  });

  it('runs the real impt CLI against the emulator', () => {
    const impt = path.join(ROOT, 'bin', 'impt.js');
    const r = spawnSync(process.execPath, [BIN, 'exec', '--', process.execPath, impt, 'product', 'create', '-n', 'ExecProduct', '-z', 'json'], { encoding: 'utf8' });
    expect(r.status, r.stderr + r.stdout).toBe(0);
  });

  it('puts its own impt first on the PATH of a script', async () => {
    const r = await run(['exec', 'impt product create -n ShellProduct -z json && impt product list -z minimal'], { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.slice(0, r.stdout.lastIndexOf('}') + 1)).Product.name).toBe('ShellProduct');
    expect(r.stdout).toContain('name: ShellProduct');
  });
});

describe('impt-emulator admin verbs', () => {
  it('drive a running emulator', async () => {
    const emu = await startEmulator({ inMemory: true });
    try {
      const url = ['--url', emu.origin];
      const added = await run(['devices', 'add', '--count', '2', '--imp-type', 'imp005', ...url]);
      expect(added.code, added.stderr).toBe(0);
      const devices = JSON.parse(added.stdout).data;
      expect(devices).toHaveLength(2);
      expect(devices[0].imp_type).toBe('imp005');
      const id = devices[0].id;
      expect((await run(['logs', id, 'one', 'two', '--type', 'agent.log'], { IMPT_EMULATOR_URL: emu.origin })).code).toBe(0);
      const off = await run(['devices', 'offline', id, ...url]);
      expect(JSON.parse(off.stdout).data.device_online).toBe(false);
      const bless = await run(['bless', id, '--fail', ...url]);
      expect(bless.code).toBe(1);
      expect(bless.stderr).toMatch(/^impt-emulator: device \w+ is not a device under test/);
      const set = await run(['faults', 'set', '--error-rate', '0.5', '--statuses', '500,502', '--routes', '^/v5/devices', ...url]);
      expect(JSON.parse(set.stdout).data.config).toMatchObject({ error_rate: 0.5, statuses: [500, 502], routes: '^/v5/devices' });
      expect((await run(['faults', 'clear', ...url])).code).toBe(0);
      const clock = await run(['clock', '--advance', '60', ...url]);
      expect(JSON.parse(clock.stdout).data.offset_seconds).toBeGreaterThanOrEqual(60);
      const del = await run(['webhooks', 'deliveries', ...url]);
      expect(JSON.parse(del.stdout)).toEqual({ data: [] });
      const logs = await emu.admin('GET', 'health');
      expect(logs.status).toBe('ok');
      const down = await run(['clock', '--url', 'http://127.0.0.1:1']);
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(/cannot reach the emulator/);
    } finally {
      await emu.stop();
    }
  });
});
