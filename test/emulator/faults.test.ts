import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { openSse } from './sim-helpers.js';
import { client, DEMO_DEVICES, login } from './util.js';

describe('fault injection', () => {
  let emu: EmulatorHandle;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
    api = client(emu, await login(emu));
  });
  afterAll(() => emu.stop());

  const setFaults = async (body: unknown) => {
    const r = await fetch(`${emu.origin}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status).toBe(200);
    return (await r.json()).data;
  };
  const clear = async () => expect((await fetch(`${emu.origin}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);

  it('answers with the configured error statuses, only on matching routes', async () => {
    const cfg = await setFaults({ error_rate: 1, statuses: [503], routes: '^/v5/products' });
    expect(cfg.config).toMatchObject({ error_rate: 1, statuses: [503], routes: '^/v5/products', drop_rate: 0 });
    const r = await api.get('/products');
    expect(r.status).toBe(503);
    expect(r.body.errors[0]).toMatchObject({ status: '503', title: expect.any(String), detail: expect.any(String) });
    expect((await api.get('/devices')).status).toBe(200);
    // admin routes are never affected
    expect((await fetch(`${emu.origin}/_emulator/health`)).status).toBe(200);
    await setFaults({ error_rate: 1 });
    const seen = new Set<number>();
    for (let i = 0; i < 30; i++) seen.add((await api.get('/devices')).status);
    expect([...seen].sort()).toEqual([500, 503]);
    await clear();
    expect((await api.get('/products')).status).toBe(200);
  });

  it('answers a burst of 429s, then recovers', async () => {
    await setFaults({ rate_limit_burst: 2 });
    const a = await api.get('/products');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('1');
    expect((await api.get('/products')).status).toBe(429);
    expect((await api.get('/products')).status).toBe(200);
    const status = (await (await fetch(`${emu.origin}/_emulator/faults`)).json()).data;
    expect(status).toMatchObject({ rate_limit_burst_left: 0, injected: { rate_limited: 2 } });
    await clear();
  });

  it('adds latency', async () => {
    await setFaults({ latency_ms: 150, routes: '^/v5/accounts' });
    const t0 = Date.now();
    expect((await api.get('/accounts/me')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await clear();
  });

  it('drops connections without an answer, REST and open log streams alike', async () => {
    await setFaults({ drop_rate: 1, routes: '^/v5/products' });
    await expect(fetch(`${emu.url}/products`)).rejects.toThrow();
    expect((await api.get('/devices')).status).toBe(200);
    await clear();
    const id = (await api.post('/logstream')).body.data.id;
    const s = await openSse(`${emu.url}/logstream/${id}?format=json`);
    await s.next();
    await api.put(`/logstream/${id}/${DEMO_DEVICES[0]}`);
    await s.next();
    await setFaults({ drop_rate: 1, routes: '^/v5/logstream/' });
    expect(await s.ended).toBe('error');
    await clear();
    // the client reconnects to the same stream and keeps its devices
    const again = await openSse(`${emu.url}/logstream/${id}?format=json`);
    expect(JSON.parse((await again.next()).data)).toEqual({ state: 'opened' });
    expect(JSON.parse((await again.next()).data)).toEqual({ state: 'subscribed', device_id: DEMO_DEVICES[0] });
    again.close();
  });

  it('carries out a change, then loses its answer; lookups are answered', async () => {
    const cfg = await setFaults({ lost_answer_rate: 1, routes: '^/v5/products' });
    expect(cfg.config).toMatchObject({ lost_answer_rate: 1, drop_rate: 0 });
    const name = `lost-${Date.now()}`;
    const created = fetch(`${emu.url}/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await login(emu)}`, 'content-type': 'application/vnd.api+json' },
      body: JSON.stringify({ data: { type: 'product', attributes: { name } } }),
    });
    await expect(created).rejects.toThrow();
    const list = await api.get('/products');
    expect(list.status).toBe(200);
    const product = list.body.data.find((p: any) => p.attributes.name === name);
    expect(product).toBeDefined();
    await expect(fetch(`${emu.url}/products/${product.id}`, { method: 'PATCH', headers: { 'content-type': 'application/vnd.api+json' }, body: '{}' })).rejects.toThrow();
    const status = (await (await fetch(`${emu.origin}/_emulator/faults`)).json()).data;
    expect(status.injected).toMatchObject({ lost_answers: 2, drops: 0 });
    await clear();
    expect((await api.patch(`/products/${product.id}`, { data: { type: 'product', id: product.id, attributes: { description: 'answered' } } })).status).toBe(200);
  });

  it('rejects invalid configurations', async () => {
    for (const body of [{ error_rate: 2 }, { statuses: [200] }, { routes: '(' }, { unknown: 1 }, { lost_answer_rate: -0.5 }]) {
      const r = await fetch(`${emu.origin}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((await r.json()).error).toEqual(expect.any(String));
    }
  });
});
