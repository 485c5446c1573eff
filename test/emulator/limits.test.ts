// What one request, and the state as a whole, may hold: bodies above 4 MiB
// are refused (413) before they are stored, and once the state reaches its
// limit (IMPT_EMULATOR_MAX_STATE_MB) requests that would add to it get 507,
// so every acknowledged write fits in state.json and survives a restart.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../helpers/emulator.js';
import { client, login } from './util.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/impt-emulator.js');
const MiB = 1024 * 1024;

/** POST of `size` bytes of JSON sent in chunks without Content-Length. */
function chunkedPost(url: string, token: string, size: number): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json', 'transfer-encoding': 'chunked' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    const head = '{"data":{"type":"product","attributes":{"name":"big","description":"';
    req.write(head);
    const chunk = 'x'.repeat(MiB);
    for (let sent = head.length; sent < size; sent += chunk.length) req.write(chunk);
    req.end('"}}}');
  });
}

describe('request body limit', () => {
  let emu: EmulatorHandle;
  let token: string;
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
    token = await login(emu);
  });
  afterAll(() => emu.stop());

  it('refuses a body above 4 MiB with 413 and stores nothing; 4 MiB of code still deploys', async () => {
    const api = client(emu, token);
    const p = await api.createProduct('Big');
    const dg = await api.createDg(p.id, 'development_devicegroup', 'big');
    const link = { devicegroup: { type: dg.type, id: dg.id } };
    const big = await api.post('/deployments', { data: { type: 'deployment', attributes: { device_code: 'x'.repeat(5 * MiB), agent_code: '' }, relationships: link } });
    expect(big.status).toBe(413);
    expect(big.body.errors).toEqual([
      { status: '413', code: 'VX413', title: 'Payload Too Large', detail: "The request body is larger than 4194304 bytes (4 MiB), the emulator's limit." },
    ]);
    expect((await api.get('/deployments')).body.data).toEqual([]);
    const chunked = await chunkedPost(`${emu.url}/products`, token, 5 * MiB);
    expect(chunked.status).toBe(413);
    expect((await api.get('/products')).body.data.map((x: any) => x.attributes.name)).toEqual(['Big']);
    const ok = await api.post('/deployments', { data: { type: 'deployment', attributes: { device_code: 'x'.repeat(4 * MiB - 1000), agent_code: '' }, relationships: link } });
    expect(ok.status).toBe(201);
    // admin routes too, with their own error form
    const res = await fetch(`${emu.origin}/_emulator/devices/30000c2a690c0001/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: ['y'.repeat(5 * MiB)] }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "The request body is larger than 4194304 bytes (4 MiB), the emulator's limit." });
  });
});

describe('state limit', () => {
  const code = (n: number) => `// ${n}\n${'x'.repeat(600_000)}`;

  it('acknowledges no write that would not fit: 507 once the state is full, every 201 survives a restart', async () => {
    const emu = await startEmulator({ env: { IMPT_EMULATOR_MAX_STATE_MB: '2' } });
    try {
      const token = await login(emu);
      const api = client(emu, token);
      const p = await api.createProduct('Full');
      const dg = await api.createDg(p.id, 'development_devicegroup', 'full');
      const link = { devicegroup: { type: dg.type, id: dg.id } };
      const deploy = (n: number) => api.post('/deployments', { data: { type: 'deployment', attributes: { device_code: code(n), agent_code: '' }, relationships: link } });
      const acknowledged: string[] = [];
      let full: Awaited<ReturnType<typeof deploy>> | undefined;
      for (let n = 0; n < 10 && !full; n++) {
        const r = await deploy(n);
        if (r.status === 201) acknowledged.push(r.body.data.id);
        else full = r;
      }
      expect(acknowledged.length).toBe(4); // 2 MiB reached by the fourth
      expect(full!.status).toBe(507);
      expect(full!.body.errors[0]).toMatchObject({
        status: '507',
        code: 'XX507',
        title: 'Insufficient Storage',
        detail: "The emulator's state has reached its limit of 2 MiB (IMPT_EMULATOR_MAX_STATE_MB); delete deployments, device groups, products or devices to make room.",
      });
      // what does not add to the state still works, and so do reads
      expect((await api.patch(`/products/${p.id}`, { data: { type: 'product', id: p.id, attributes: { description: 'd' } } })).status).toBe(507);
      expect(await emu.admin('POST', 'devices', { count: 1 })).toEqual({ error: expect.stringMatching(/^The emulator's state has reached its limit/) });
      expect((await emu.admin('POST', 'clock', { advance_seconds: 1 })).data.offset_seconds).toBe(1);
      const again = await login(emu);
      const list = await client(emu, again).get('/deployments?page[size]=100');
      expect(list.status).toBe(200);
      expect(list.body.data.map((d: any) => d.id).sort()).toEqual([...acknowledged].sort());

      await emu.restart();
      const after = client(emu, again);
      const kept = (await after.get('/deployments?page[size]=100')).body.data;
      expect(kept.map((d: any) => d.id).sort()).toEqual([...acknowledged].sort());
      expect(kept.every((d: any) => d.attributes.device_code.length > 600_000)).toBe(true);
      // deleting makes room
      const oldest = kept.find((d: any) => d.attributes.device_code.startsWith('// 0\n'));
      expect((await after.del(`/deployments/${oldest.id}`)).status).toBe(204);
      expect((await deploy(99)).status).toBe(201);
    } finally {
      await emu.stop();
    }
  });

  it('refuses to start with a seed whose state is above the limit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'impt-emu-limit-'));
    try {
      const seed = path.join(dir, 'seed.json');
      fs.writeFileSync(seed, JSON.stringify({ accounts: [{ username: 'a', email: 'a@example.com', password: 'a' }], generated_devices: 5000 }));
      const r = spawnSync(process.execPath, [BIN, 'start', '--port', '0', '--in-memory', '--seed', seed], {
        encoding: 'utf8',
        env: { ...process.env, IMPT_EMULATOR_MAX_STATE_MB: '1' },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^impt-emulator: invalid seed: its state \(\d+ MiB\) is above the limit of 1 MiB \(IMPT_EMULATOR_MAX_STATE_MB\)\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
