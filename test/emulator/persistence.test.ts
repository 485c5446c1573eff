import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../helpers/emulator.js';
import { call, client, DEMO_DEVICES, login } from './util.js';

describe('persistence, admin and process behaviour', () => {
  it('keeps state and tokens across a restart and after kill -9', async () => {
    const emu = await startEmulator();
    try {
      const token = await login(emu);
      const api = client(emu, token);
      const p = await api.createProduct('Durable');
      await emu.restart();
      const again = client(emu, token);
      expect((await again.get(`/products/${p.id}`)).body.data.attributes.name).toBe('Durable');
      const p2 = await again.createProduct('Killed');
      await again.patch(`/products/${p.id}`, { data: { type: 'product', id: p.id, attributes: { description: 'after' } } });
      await emu.stop('SIGKILL');
      await emu.restart();
      const third = client(emu, token);
      expect((await third.get(`/products/${p2.id}`)).status).toBe(200);
      expect((await third.get(`/products/${p.id}`)).body.data.attributes.description).toBe('after');
      expect(fs.existsSync(`${emu.dataDir}/state.json`)).toBe(true);
    } finally {
      await emu.stop();
    }
  });

  it('keeps the data dir private: a new dir 0700, every file 0600, files of an older dir tightened', async () => {
    const mode = (file: string) => fs.statSync(file).mode & 0o777;
    const filesOf = (dir: string) => fs.readdirSync(dir).map((name) => [name, mode(path.join(dir, name))]);
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'impt-emu-modes-'));
    const dataDir = path.join(parent, 'data');
    const emu = await startEmulator({ dataDir });
    try {
      await client(emu, await login(emu)).createProduct('Secret');
      await emu.admin('POST', 'clock', { advance_seconds: 1 });
      expect(mode(dataDir)).toBe(0o700);
      const files = filesOf(dataDir);
      expect(files.map(([name]) => name).sort()).toEqual(['clock.json', 'emulator.lock', 'journal.ndjson', 'seed.json', 'state.json']);
      expect(files.filter(([, m]) => m !== 0o600)).toEqual([]);
      await emu.stop();
      // a data dir left by an older emulator: files readable by everyone
      fs.chmodSync(dataDir, 0o755);
      for (const name of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, name), 0o644);
      await emu.restart();
      await client(emu, await login(emu)).createProduct('Secret too');
      expect(filesOf(dataDir).filter(([, m]) => m !== 0o600)).toEqual([]);
      expect(mode(dataDir)).toBe(0o755); // an existing dir keeps its mode: it may be shared on purpose
    } finally {
      await emu.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it('lists device-group members in assignment order, after updates and restarts too', async () => {
    const emu = await startEmulator();
    try {
      const api = client(emu, await login(emu));
      const p = await api.createProduct('Order');
      const dg = await api.createDg(p.id, 'development_devicegroup', 'order');
      const [d1, d2, d3] = DEMO_DEVICES;
      for (const id of [d3, d1, d2]) {
        expect((await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id }] })).status).toBe(204);
      }
      const members = async () =>
        (await client(emu, await login(emu)).get(`/devices?filter[devicegroup.id]=${dg.id}`)).body.data.map((d: any) => d.id);
      await api.patch(`/devices/${d3}`, { data: { type: 'device', id: d3, attributes: { name: 'renamed' } } });
      await api.post(`/devices/${d1}/restart`);
      expect(await members()).toEqual([d3, d1, d2]);
      await emu.restart(); // journal replayed and folded into a snapshot
      expect(await members()).toEqual([d3, d1, d2]);
      await emu.restart(); // loaded from the snapshot alone
      expect(await members()).toEqual([d3, d1, d2]);
    } finally {
      await emu.stop();
    }
  });

  it('drops a torn journal tail and keeps later writes', async () => {
    const emu = await startEmulator();
    try {
      const token = await login(emu);
      const a = await client(emu, token).createProduct('BeforeTear');
      await emu.stop('SIGKILL');
      fs.appendFileSync(`${emu.dataDir}/journal.ndjson`, '{"s":99999,"ops":[["put","produ');
      await emu.restart();
      const b = await client(emu, token).createProduct('AfterTear');
      await emu.stop('SIGKILL');
      await emu.restart();
      const api = client(emu, token);
      expect((await api.get(`/products/${a.id}`)).status).toBe(200);
      expect((await api.get(`/products/${b.id}`)).status).toBe(200);
    } finally {
      await emu.stop();
    }
  });

  it('resets to the seed and logs requests', async () => {
    const emu = await startEmulator({ inMemory: true });
    try {
      const api = client(emu, await login(emu));
      await api.createProduct('Gone');
      await api.get('/products?page[size]=5');
      const log = await emu.admin('GET', 'requests');
      const last = log.data[log.data.length - 1];
      expect(last).toMatchObject({ method: 'GET', path: '/products', query: 'page[size]=5', status: 200 });
      expect(log.data[0]).toMatchObject({ method: 'POST', path: '/auth', status: 200 });
      expect(await emu.admin('DELETE', 'requests')).toBeNull();
      expect((await emu.admin('GET', 'requests')).data).toEqual([]);
      expect((await emu.admin('GET', 'health')).status).toBe('ok');
      await emu.admin('POST', 'reset');
      const after = client(emu, await login(emu));
      expect((await after.get('/products')).body.data).toEqual([]);
      expect((await after.get('/devices')).body.data).toHaveLength(3);
      // tokens issued before the reset are gone
      expect((await api.get('/products')).status).toBe(401);
    } finally {
      await emu.stop();
    }
  });

  it('passes a request to the bare /v5 path through the request frame once', async () => {
    const emu = await startEmulator({ inMemory: true, extraArgs: ['--rate-limit', '5'] });
    try {
      const r = await fetch(emu.url);
      expect(r.status).toBe(401);
      expect(r.headers.get('x-ratelimit-remaining')).toBe('4');
      const log = await emu.admin('GET', 'requests');
      expect(log.data).toEqual([expect.objectContaining({ method: 'GET', path: '/', status: 401 })]);
    } finally {
      await emu.stop();
    }
  });

  it('answers 429 when the per-token rate limit is exceeded', async () => {
    const emu = await startEmulator({ inMemory: true, extraArgs: ['--rate-limit', '3'] });
    try {
      const api = client(emu, await login(emu));
      // sent at once, so that a loaded machine cannot spread them over several seconds
      const statuses = (await Promise.all(Array.from({ length: 6 }, () => api.get('/products')))).map((r) => r.status);
      expect(statuses).toContain(429);
      const r = await api.get('/products');
      if (r.status === 429) {
        expect(r.body.errors[0].status).toBe('429');
        expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
      }
      // the next one-second window, on the emulator's clock
      await emu.admin('POST', 'clock', { advance_seconds: 1 });
      expect((await api.get('/products')).status).toBe(200);
    } finally {
      await emu.stop();
    }
  });

  it('fails with a clear message when the port is taken', async () => {
    const emu = await startEmulator({ inMemory: true });
    try {
      const port = new URL(emu.url).port;
      await expect(startEmulator({ inMemory: true, extraArgs: ['--port', port] })).rejects.toThrow(/already in use/);
    } finally {
      await emu.stop();
    }
  });

  it('serves the default demo account with its login key and unassigned devices', async () => {
    const emu = await startEmulator();
    try {
      const k = await call(emu, 'POST', '/auth/token', { body: { key: '0123456789abcdef' } });
      expect(k.status).toBe(200);
      const api = client(emu, k.body.access_token);
      const me = await api.get('/accounts/me');
      expect(me.body.data.attributes).toMatchObject({ username: 'demo', email: 'demo@example.com' });
      const devices = await api.get('/devices?filter[devicegroup.owner.id]=null');
      expect(devices.body.data.map((d: any) => d.id)).toEqual(['30000c2a690c0001', '30000c2a690c0002', '30000c2a690c0003']);
      expect(devices.body.data.every((d: any) => d.attributes.device_online === true)).toBe(true);
    } finally {
      await emu.stop();
    }
  });
});
