import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { openSse, json, type SseReader } from './sim-helpers.js';
import { call, client, DEMO_DEVICES, login } from './util.js';

describe('log streams', () => {
  let emu: EmulatorHandle;
  let token: string;
  let api: ReturnType<typeof client>;
  const open: SseReader[] = [];
  const sse = async (url: string) => {
    const r = await openSse(url);
    open.push(r);
    return r;
  };
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
    token = await login(emu);
    api = client(emu, token);
  });
  afterAll(async () => {
    for (const r of open) r.close();
    await emu.stop();
  });

  const create = async () => {
    const r = await api.post('/logstream');
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ type: 'logstream', id: expect.stringMatching(/^[0-9a-f]+$/) });
    expect(r.body.data.attributes.url).toBe(`${emu.url}/logstream/${r.body.data.id}`);
    return r.body.data.id as string;
  };

  it('streams state changes and log lines as JSON server-sent events without a token', async () => {
    const id = await create();
    const s = await sse(`${emu.url}/logstream/${id}?format=json`);
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // rate-limit headers on every response, the event stream's included
    expect(s.headers.get('x-ratelimit-limit')).toBe('10000');
    expect(Number(s.headers.get('x-ratelimit-remaining'))).toBeLessThan(10000);
    expect(s.headers.get('x-ratelimit-reset')).toBe('1');
    expect(json(await s.next())).toEqual({ state: 'opened' });
    const [d1] = DEMO_DEVICES;
    const dev = await api.get(`/devices/${d1}`);
    // device addressed by MAC: events name the device id
    expect((await api.put(`/logstream/${id}/${dev.body.data.attributes.mac_address}`)).status).toBe(204);
    const sub = await s.next();
    expect(sub.event).toBe('state_change');
    expect(json(sub)).toEqual({ state: 'subscribed', device_id: d1 });
    await emu.admin('POST', `devices/${d1}/logs`, { lines: [{ type: 'server.log', message: 'Hello World, from your Device!' }, { type: 'agent.log', message: 'two\nlines' }] });
    const m1 = await s.next((e) => e.event === 'message');
    expect(json(m1)).toEqual({ device_id: d1, ts: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), log_type: 'development', type: 'server.log', msg: 'Hello World, from your Device!' });
    expect(json(await s.next((e) => e.event === 'message'))).toMatchObject({ type: 'agent.log', msg: 'two\nlines' });
    // the same lines are in the historical logs, newest first
    const hist = await api.get(`/devices/${d1}/logs?page[size]=2`);
    expect(hist.body.data.map((l: any) => l.msg)).toEqual(['two\nlines', 'Hello World, from your Device!']);
    // lines of devices not in the stream are not delivered
    await emu.admin('POST', `devices/${DEMO_DEVICES[1]}/logs`, { lines: ['other device'] });
    await emu.admin('POST', `devices/${d1}/logs`, { lines: ['marker'] });
    expect(json(await s.next((e) => e.event === 'message')).msg).toBe('marker');
    expect((await api.del(`/logstream/${id}/${d1}`)).status).toBe(204);
    expect(json(await s.next())).toEqual({ state: 'unsubscribed', device_id: d1 });
    expect((await api.del(`/logstream/${id}/${d1}`)).status).toBe(404);
    // PUT/DELETE need a token; unknown device / stream -> 404
    expect((await call(emu, 'PUT', `/logstream/${id}/${d1}`)).status).toBe(401);
    expect((await api.put(`/logstream/${id}/nope`)).status).toBe(404);
    expect((await api.put(`/logstream/ffff/${d1}`)).status).toBe(404);
    expect((await call(emu, 'GET', '/logstream/ffff?format=json')).status).toBe(404);
    expect((await call(emu, 'GET', `/logstream/${id}?format=xml`)).status).toBe(400);
  });

  it('text format', async () => {
    const id = await create();
    const s = await sse(`${emu.url}/logstream/${id}?format=text`);
    expect((await s.next()).data).toBe('opened');
    const d = DEMO_DEVICES[1]!;
    await api.put(`/logstream/${id}/${d}`);
    expect(await s.next()).toEqual({ event: 'state_change', data: `${d} subscribed` });
    await emu.admin('POST', `devices/${d}/logs`, { lines: [{ type: 'server.error', message: 'boom' }] });
    const m = await s.next((e) => e.event === 'message');
    expect(m.data).toMatch(new RegExp(`^${d} \\S+Z development server.error boom$`));
  });

  it('keeps at most 5 devices per stream, evicting the least recently added', async () => {
    const id = await create();
    const s = await sse(`${emu.url}/logstream/${id}?format=json`);
    await s.next();
    const made = await emu.admin('POST', 'devices', { count: 6 });
    const ids: string[] = made.data.map((d: any) => d.id);
    expect(ids).toHaveLength(6);
    for (const d of ids.slice(0, 5)) {
      expect((await api.put(`/logstream/${id}/${d}`)).status).toBe(204);
      expect(json(await s.next())).toEqual({ state: 'subscribed', device_id: d });
    }
    // re-adding a subscribed device changes nothing
    expect((await api.put(`/logstream/${id}/${ids[2]}`)).status).toBe(204);
    expect((await api.put(`/logstream/${id}/${ids[5]}`)).status).toBe(204);
    expect(json(await s.next())).toEqual({ state: 'unsubscribed', device_id: ids[0] });
    expect(json(await s.next())).toEqual({ state: 'subscribed', device_id: ids[5] });
    await emu.admin('POST', `devices/${ids[0]}/logs`, { lines: ['evicted'] });
    await emu.admin('POST', `devices/${ids[5]}/logs`, { lines: ['kept'] });
    expect(json(await s.next((e) => e.event === 'message')).msg).toBe('kept');
    expect(s.events.filter((e) => e.event === 'message')).toHaveLength(1);
  });

  it('a new stream of the account closes the old one', async () => {
    const id = await create();
    const s = await sse(`${emu.url}/logstream/${id}?format=json`);
    await s.next();
    const id2 = await create();
    expect(id2).not.toBe(id);
    expect(await s.next()).toEqual({ event: 'state_change', data: '{"state":"closed"}' });
    expect(await s.ended).toBe('end');
    expect((await call(emu, 'GET', `/logstream/${id}?format=json`)).status).toBe(404);
    expect((await api.put(`/logstream/${id}/${DEMO_DEVICES[0]}`)).status).toBe(404);
    const s2 = await sse(`${emu.url}/logstream/${id2}?format=json`);
    expect(json(await s2.next())).toEqual({ state: 'opened' });
  });
});

describe('log stream keep-alives and ownership', () => {
  it('sends ": ping" comments; only the owning account may add devices', async () => {
    const before = process.env.IMPT_EMULATOR_SSE_KEEPALIVE_MS;
    process.env.IMPT_EMULATOR_SSE_KEEPALIVE_MS = '50'; // inherited by the emulator process
    const emu = await startEmulator({
      inMemory: true,
      seed: {
        accounts: [
          { username: 'demo', email: 'demo@example.com', password: 'demo' },
          { username: 'alice', email: 'alice@example.com', password: 'alice' },
        ],
        devices: [{ id: '30000c2a690c0001' }, { id: '40000c2a690c0001', owner: 'alice' }],
      },
    });
    if (before === undefined) delete process.env.IMPT_EMULATOR_SSE_KEEPALIVE_MS;
    else process.env.IMPT_EMULATOR_SSE_KEEPALIVE_MS = before;
    try {
      const demo = client(emu, await login(emu));
      const alice = client(emu, await login(emu, 'alice', 'alice'));
      const id = (await demo.post('/logstream')).body.data.id;
      const s = await openSse(`${emu.url}/logstream/${id}?format=json`);
      await s.next();
      const deadline = Date.now() + 120_000; // a hang guard: pings come every 50 ms
      while (s.comments.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(s.comments.slice(0, 2)).toEqual(['ping', 'ping']);
      expect((await alice.put(`/logstream/${id}/40000c2a690c0001`)).status).toBe(404);
      expect((await demo.put(`/logstream/${id}/40000c2a690c0001`)).status).toBe(404); // not demo's device
      // streams are per account: alice's new stream leaves demo's open
      const aliceId = (await alice.post('/logstream')).body.data.id;
      expect((await alice.put(`/logstream/${aliceId}/40000c2a690c0001`)).status).toBe(204);
      expect((await demo.put(`/logstream/${id}/30000c2a690c0001`)).status).toBe(204);
      expect(json(await s.next((e) => e.event === 'state_change' && e.data.includes('subscribed')))).toEqual({ state: 'subscribed', device_id: '30000c2a690c0001' });
      s.close();
    } finally {
      await emu.stop();
    }
  });
});
