import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { json, openSse, until, webhookReceiver, type Receiver } from './sim-helpers.js';
import { call, client, login } from './util.js';

describe('device simulation and the factory flow', () => {
  let emu: EmulatorHandle;
  let api: ReturnType<typeof client>;
  let hooks: Receiver;
  let product: any;
  const link = (g: any) => ({ type: g.type, id: g.id });
  const msgs = async (device: string, size = 100) =>
    (await api.get(`/devices/${device}/logs?page[size]=${size}`)).body.data.map((l: any) => `${l.type} ${l.msg}`).reverse();

  beforeAll(async () => {
    process.env.IMPT_EMULATOR_BOOT_DELAY_MS = '0'; // lines at once (inherited by the emulator process)
    [emu, hooks] = await Promise.all([startEmulator(), webhookReceiver()]);
    delete process.env.IMPT_EMULATOR_BOOT_DELAY_MS;
    api = client(emu, await login(emu));
    product = await api.createProduct('Sim');
  });
  afterAll(async () => {
    await emu.stop();
    await hooks.close();
  });

  it('adds devices, which run their code on restart; offline devices wait', async () => {
    const added = await emu.admin('POST', 'devices', { count: 2, imp_type: 'imp005' });
    expect(added.data).toHaveLength(2);
    const [a, b] = added.data;
    expect(a).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{16}$/), mac_address: expect.stringMatching(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/), agent_id: expect.any(String), imp_type: 'imp005', device_online: true, devicegroup_id: null });
    const unassigned = await api.get('/devices?filter[devicegroup.owner.id]=null&page[size]=100');
    expect(unassigned.body.data.map((d: any) => d.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const dg = await api.createDg(product.id, 'development_devicegroup', 'dev');
    await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: a.id }, { type: 'device', id: b.id }] });
    await api.deploy(dg, {
      device_code: 'server.log("device up");\nserver.error("sensor missing");',
      agent_code: 'server.log("agent up");',
    });
    const off = await emu.admin('POST', `devices/${b.id}/offline`);
    expect(off.data.device_online).toBe(false);
    expect((await api.get(`/devices/${b.id}`)).body.data.attributes.device_online).toBe(false);
    expect((await api.post(`/devicegroups/${dg.id}/restart`)).status).toBe(204);
    expect(await msgs(a.id)).toEqual([
      'status Device disconnected',
      'status Device connected',
      expect.stringMatching(/^status Downloading new code; \d+\.\d\d% program storage used$/),
      'server.log device up',
      'server.error sensor missing',
      'status Agent restarted',
      'agent.log agent up',
    ]);
    expect(await msgs(b.id)).toEqual(['status Device disconnected']);
    await emu.admin('POST', `devices/${b.id}/online`);
    expect((await msgs(b.id)).slice(1)).toEqual([
      'status Device connected',
      expect.stringMatching(/^status Downloading new code/),
      'server.log device up',
      'server.error sensor missing',
      'status Agent restarted',
      'agent.log agent up',
    ]);
    // timestamps strictly increase
    const ts = (await api.get(`/devices/${a.id}/logs`)).body.data.map((l: any) => l.ts);
    expect([...ts].sort().reverse()).toEqual(ts);
    expect(new Set(ts).size).toBe(ts.length);
    // device restart, seen live on a stream
    const sid = (await api.post('/logstream')).body.data.id;
    const s = await openSse(`${emu.url}/logstream/${sid}?format=json`);
    await s.next();
    await api.put(`/logstream/${sid}/${a.id}`);
    await s.next();
    expect((await api.post(`/devices/${a.id}/restart`)).status).toBe(204);
    const got: string[] = [];
    for (let i = 0; i < 6; i++) {
      const m = json(await s.next((e) => e.event === 'message'));
      got.push(`${m.type} ${m.msg}`);
    }
    expect(got).toEqual(['status Device disconnected', 'status Device connected', 'server.log device up', 'server.error sensor missing', 'status Agent restarted', 'agent.log agent up']);
    s.close();
    // admin errors
    const missing = await fetch(`${emu.origin}/_emulator/devices/nope/online`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'device "nope" not found' });
    const bad = await fetch(`${emu.origin}/_emulator/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"count":0}' });
    expect(bad.status).toBe(400);
  });

  it('conditional restart: the shutdown handler of the running code decides; older than min-supported is forced', async () => {
    const [d] = (await emu.admin('POST', 'devices', { count: 1 })).data;
    const dg = await api.createDg(product.id, 'development_devicegroup', 'polite');
    const v1 = await api.deploy(dg, { device_code: 'server.onshutdown(function(reason) {});\nserver.log("v1");', agent_code: '' });
    await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: d.id }] });
    expect((await msgs(d.id)).at(-2)).toBe('server.log v1');
    // v1 handles the shutdown and never restarts: the device stays on v1
    await api.deploy(dg, { device_code: 'server.log("v2");', agent_code: '' });
    let before = (await msgs(d.id)).length;
    expect((await api.post(`/devices/${d.id}/conditional_restart`)).status).toBe(204);
    expect((await msgs(d.id)).slice(before)).toEqual([]);
    expect((await emu.admin('POST', `devices/${d.id}/online`)).data.running_deployment_id).toBe(v1.id);
    // once v1 is older than the min-supported deployment the restart is forced
    const v3 = await api.deploy(dg, { device_code: 'server.log("v3");', agent_code: '' });
    await api.put(`/devicegroups/${dg.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: v3.id } });
    before = (await msgs(d.id)).length;
    expect((await api.post(`/devicegroups/${dg.id}/conditional_restart`)).status).toBe(204);
    expect((await msgs(d.id)).slice(before)).toContain('server.log v3');
  });

  it('fixture -> DUT -> blessing -> BlinkUp, with webhooks delivered over HTTP', async () => {
    const prod = await api.createDg(product.id, 'production_devicegroup', 'prod');
    const dut = await api.createDg(product.id, 'dut_devicegroup', 'dut');
    const fixtureDg = await api.createDg(product.id, 'factoryfixture_devicegroup', 'fixture', { production_target: link(prod), dut_target: link(dut) });
    await api.deploy(dut, { device_code: 'server.log("testing unit");', agent_code: '' });
    await api.deploy(prod, { device_code: 'server.log("app running");', agent_code: 'server.log("app agent");' });
    const mk = (g: any, event: string, content_type: string, path: string) =>
      api.post('/webhooks', { data: { type: 'webhook', attributes: { url: `${hooks.url}${path}`, event, content_type }, relationships: { devicegroup: link(g) } } });
    expect((await mk(prod, 'blessing', 'application/json', '/bless')).status).toBe(201);
    expect((await mk(prod, 'blinkup', 'application/x-www-form-urlencoded', '/blinkup')).status).toBe(201);
    expect((await mk(dut, 'deployment', 'application/json', '/deploy')).status).toBe(201);

    // a device that is not a fixture cannot make DUTs
    const [fixture] = (await emu.admin('POST', 'devices', {})).data;
    const notYet = await fetch(`${emu.origin}/_emulator/factory/${fixture.id}/dut`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(notYet.status).toBe(409);
    await api.post(`/devicegroups/${fixtureDg.id}/relationships/devices`, { data: [{ type: 'device', id: fixture.id }] });
    const made = await fetch(`${emu.origin}/_emulator/factory/${fixture.id}/dut`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(made.status).toBe(201);
    const unit = (await made.json()).data;
    expect(unit).toMatchObject({ devicegroup_id: dut.id, devicegroup_type: 'dut_devicegroup', product_id: product.id });
    const viaApi = await api.get(`/devices/${unit.id}`);
    expect(viaApi.body.data.relationships.devicegroup).toEqual(link(dut));
    expect(await msgs(unit.id)).toContain('server.log testing unit');
    // only DUTs can be blessed; a failed blessing leaves the unit where it is
    expect((await fetch(`${emu.origin}/_emulator/devices/${fixture.id}/bless`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(409);
    const failed = await emu.admin('POST', `devices/${unit.id}/bless`, { success: false });
    expect(failed.data).toMatchObject({ blessed: false, devicegroup_id: dut.id });

    const blessed = await emu.admin('POST', `devices/${unit.id}/bless`, { success: true });
    expect(blessed.data).toMatchObject({ id: unit.id, blessed: true, devicegroup_id: prod.id, devicegroup_type: 'production_devicegroup' });
    expect((await api.get(`/devices?filter[devicegroup.id]=${prod.id}`)).body.data.map((d: any) => d.id)).toEqual([unit.id]);
    // load_code_after_blessing (default true): the production code runs at once
    expect(await msgs(unit.id)).toContain('server.log app running');

    const [bless] = await hooks.waitFor(1);
    expect(bless).toMatchObject({ path: '/bless', contentType: 'application/json' });
    expect(JSON.parse(bless!.body)).toEqual({ device_id: unit.id, imp_id: `${unit.mac_address.replace(/:/g, '')}0001` });

    const act = await emu.admin('POST', `devices/${unit.id}/blinkup`, { plan_id: 'p9a8b7c6d5e4', token: 'f1e2d3c4b5a6' });
    expect(act.data).toMatchObject({ plan_id: 'p9a8b7c6d5e4', token: 'f1e2d3c4b5a6', devicegroup_id: prod.id });
    expect(act.data.agent_id).not.toBe(unit.agent_id);
    const after = (await api.get(`/devices/${unit.id}`)).body.data.attributes;
    expect(after).toMatchObject({ plan_id: 'p9a8b7c6d5e4', agent_id: act.data.agent_id });
    const received = await hooks.waitFor(2);
    expect(received[1]).toMatchObject({ path: '/blinkup', contentType: 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(new URLSearchParams(received[1]!.body))).toEqual({ device_id: unit.id, plan_id: 'p9a8b7c6d5e4', token: 'f1e2d3c4b5a6' });
    // a DUT cannot be activated; a production device cannot be blessed again
    expect((await fetch(`${emu.origin}/_emulator/devices/${unit.id}/bless`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(409);

    // deployment webhook, retried after a failure
    hooks.failNext(1, 503);
    const dep = await api.deploy(dut, { device_code: 'server.log("v2");' });
    const all = await hooks.waitFor(4);
    expect(all.slice(2).map((r) => r.path)).toEqual(['/deploy', '/deploy']);
    expect(JSON.parse(all[3]!.body)).toEqual({ deployment_id: dep.id, devicegroup_id: dut.id, sha: dep.attributes.sha });

    const deliveries = (await emu.admin('GET', 'webhooks/deliveries?wait=1')).data;
    expect(deliveries.map((d: any) => [d.event, d.status, d.attempts])).toEqual([
      ['blessing', 200, 1],
      ['blinkup', 200, 1],
      ['deployment', 200, 2],
    ]);
    expect(deliveries[0]).toEqual({
      webhook_id: expect.any(String),
      event: 'blessing',
      url: `${hooks.url}/bless`,
      content_type: 'application/json',
      body: bless!.body,
      status: 200,
      at: expect.stringMatching(/Z$/),
      attempts: 1,
      done: true,
    });
  });

  it('records failed deliveries after bounded retries', async () => {
    const prod = await api.createDg(product.id, 'development_devicegroup', 'dead-hook');
    await api.post('/webhooks', { data: { type: 'webhook', attributes: { url: 'http://127.0.0.1:1/x', event: 'deployment', content_type: 'application/json' }, relationships: { devicegroup: link(prod) } } });
    await api.deploy(prod);
    const d = await until(async () => {
      const list = (await emu.admin('GET', 'webhooks/deliveries')).data;
      const last = list.at(-1);
      return last?.url === 'http://127.0.0.1:1/x' && last.done ? last : undefined;
    });
    expect(d).toMatchObject({ status: null, attempts: 3, error: expect.any(String) });
  });

  it('advancing the clock expires access tokens and moves timestamps', async () => {
    const token = await login(emu);
    expect((await call(emu, 'GET', '/accounts/me', { token })).status).toBe(200);
    const before = Date.parse((await emu.admin('GET', 'clock')).data.now);
    const r = await emu.admin('POST', 'clock', { advance_seconds: 3601 });
    expect(Date.parse(r.data.now) - before).toBeGreaterThanOrEqual(3601_000);
    expect((await call(emu, 'GET', '/accounts/me', { token })).status).toBe(401);
    const p = await client(emu, await login(emu)).createProduct('Later');
    expect(Date.parse(p.attributes.created_at)).toBeGreaterThanOrEqual(before + 3600_000);
    api = client(emu, await login(emu));
  });
});

describe('boot delay', () => {
  it('a restarted device prints its code lines after the boot delay, so a stream opened afterwards sees them', async () => {
    // the stream below must be open within the delay: the product's default, ample on a loaded machine
    process.env.IMPT_EMULATOR_BOOT_DELAY_MS = '2000';
    const emu = await startEmulator({ inMemory: true });
    delete process.env.IMPT_EMULATOR_BOOT_DELAY_MS;
    try {
      const api = client(emu, await login(emu));
      const product = await api.createProduct('Delay');
      const dg = await api.createDg(product.id, 'development_devicegroup', 'dev');
      const [d] = (await emu.admin('POST', 'devices', {})).data;
      await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: d.id }] });
      await api.deploy(dg, { device_code: 'server.log("booted");', agent_code: '' });
      // like impt dg restart --log: restart first, then open the stream
      expect((await api.post(`/devicegroups/${dg.id}/restart`)).status).toBe(204);
      const sid = (await api.post('/logstream')).body.data.id;
      const s = await openSse(`${emu.url}/logstream/${sid}?format=json`);
      await s.next();
      await api.put(`/logstream/${sid}/${d.id}`);
      await s.next();
      expect(json(await s.next((e) => e.event === 'message'))).toMatchObject({ type: 'status', msg: 'Device connected' });
      expect(json(await s.next((e) => e.event === 'message' && json(e).type === 'server.log')).msg).toBe('booted');
      s.close();
    } finally {
      await emu.stop();
    }
  });
});
