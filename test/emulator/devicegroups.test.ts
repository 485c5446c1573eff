import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { client, DEMO_DEVICES, login } from './util.js';

describe('device groups, deployments and devices', () => {
  let emu: EmulatorHandle;
  let api: ReturnType<typeof client>;
  let product: any;
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
    api = client(emu, await login(emu));
    product = await api.createProduct('Factory');
  });
  afterAll(() => emu.stop());

  const link = (g: any) => ({ type: g.type, id: g.id });

  it('creates all seven types with target rules', async () => {
    const dev = await api.createDg(product.id, 'development_devicegroup', 'dev', {}, { env_vars: { apiVersion: 1, url: 'x' } });
    expect(dev.type).toBe('development_devicegroup');
    expect(dev.attributes.env_vars).toEqual({ apiVersion: 1, url: 'x' });
    expect(dev.attributes.region).toBe('');
    expect(dev.attributes.load_code_after_blessing).toBeUndefined();
    expect(dev.relationships.product).toEqual({ type: 'product', id: product.id });
    const prod = await api.createDg(product.id, 'production_devicegroup', 'prod', {}, { region: 'eu' });
    expect(prod.attributes.load_code_after_blessing).toBe(true);
    expect(prod.attributes.region).toBe('eu');
    const dut = await api.createDg(product.id, 'dut_devicegroup', 'dut');
    const fixture = await api.createDg(product.id, 'factoryfixture_devicegroup', 'fixture', {
      production_target: link(prod),
      dut_target: link(dut),
    });
    expect(fixture.relationships.production_target).toEqual(link(prod));
    expect(fixture.relationships.dut_target).toEqual(link(dut));
    const preProd = await api.createDg(product.id, 'pre_production_devicegroup', 'preprod');
    const preDut = await api.createDg(product.id, 'pre_dut_devicegroup', 'predut');
    await api.createDg(product.id, 'pre_factoryfixture_devicegroup', 'prefixture', {
      production_target: link(preProd),
      dut_target: link(preDut),
    });
    // wrong zone, missing target, target on non-fixture, region on dev, unknown type
    const bad = [
      { type: 'factoryfixture_devicegroup', attributes: { name: 'f2' }, relationships: { product: { type: 'product', id: product.id }, production_target: link(preProd), dut_target: link(dut) } },
      { type: 'factoryfixture_devicegroup', attributes: { name: 'f3' }, relationships: { product: { type: 'product', id: product.id }, production_target: link(prod) } },
      { type: 'development_devicegroup', attributes: { name: 'd2' }, relationships: { product: { type: 'product', id: product.id }, production_target: link(prod) } },
      { type: 'development_devicegroup', attributes: { name: 'd3', region: 'eu' }, relationships: { product: { type: 'product', id: product.id } } },
      { type: 'devicegroup', attributes: { name: 'd4' }, relationships: { product: { type: 'product', id: product.id } } },
      { type: 'development_devicegroup', attributes: { name: 'd5', env_vars: { '1bad': 1 } }, relationships: { product: { type: 'product', id: product.id } } },
    ];
    for (const data of bad) {
      const r = await api.post('/devicegroups', { data });
      expect(r.status, JSON.stringify(data)).toBe(400);
    }
    const dup = await api.post('/devicegroups', { data: { type: 'development_devicegroup', attributes: { name: 'dev' }, relationships: { product: { type: 'product', id: product.id } } } });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]).toMatchObject({ title: 'Duplicate Resource', detail: 'Devicegroups must have unique names.' });
    const noProduct = await api.post('/devicegroups', { data: { type: 'development_devicegroup', attributes: { name: 'z' }, relationships: { product: { type: 'product', id: 'nope' } } } });
    expect(noProduct.status).toBe(404);
    // filters
    const fixtures = await api.get(`/devicegroups?filter[type]=factoryfixture_devicegroup&filter[product.id]=${product.id}`);
    expect(fixtures.body.data.map((g: any) => g.id)).toEqual([fixture.id]);
    expect((await api.get(`/devicegroups/${product.id}`)).status).toBe(404);
    // delete order: a target cannot go before its fixture
    const delTarget = await api.del(`/devicegroups/${prod.id}`);
    expect(delTarget.status).toBe(409);
    expect(delTarget.body.errors[0].title).toBe('Dependent Devicegroups Exist');
  });

  it('updates attributes with type rules', async () => {
    const prod = await api.createDg(product.id, 'production_devicegroup', 'prod-upd');
    const r = await api.patch(`/devicegroups/${prod.id}`, { data: { type: prod.type, id: prod.id, attributes: { description: 'EU', load_code_after_blessing: false, env_vars: { a: 'b' } } } });
    expect(r.status).toBe(200);
    expect(r.body.data.attributes).toMatchObject({ description: 'EU', load_code_after_blessing: false, env_vars: { a: 'b' } });
    const dev = await api.createDg(product.id, 'development_devicegroup', 'dev-upd');
    expect((await api.patch(`/devicegroups/${dev.id}`, { data: { type: dev.type, id: dev.id, attributes: { load_code_after_blessing: false } } })).status).toBe(400);
    expect((await api.patch(`/devicegroups/${dev.id}`, { data: { type: 'production_devicegroup', id: dev.id, attributes: {} } })).status).toBe(400);
    expect((await api.patch(`/devicegroups/${dev.id}`, { data: { type: dev.type, id: dev.id, attributes: { region: 'x' } } })).status).toBe(400);
    const dup = await api.patch(`/devicegroups/${dev.id}`, { data: { type: dev.type, id: dev.id, attributes: { name: 'prod-upd' } } });
    expect(dup.status).toBe(409);
  });

  it('assigns, moves and unassigns devices; refuses production and DUT assignment', async () => {
    const dev = await api.createDg(product.id, 'development_devicegroup', 'dev-assign');
    const dev2 = await api.createDg(product.id, 'development_devicegroup', 'dev-assign2');
    const prod = await api.createDg(product.id, 'production_devicegroup', 'prod-assign');
    const dut = await api.createDg(product.id, 'dut_devicegroup', 'dut-assign');
    const [d1, d2] = DEMO_DEVICES;
    const unassigned = await api.get('/devices?filter[devicegroup.owner.id]=null&page[size]=100');
    expect(unassigned.body.data.map((d: any) => d.id)).toEqual(expect.arrayContaining(DEMO_DEVICES));
    expect(unassigned.body.data[0].relationships.devicegroup).toBeUndefined();
    // by device id and by MAC
    const r = await api.post(`/devicegroups/${dev.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }, { type: 'device', id: '0c:2a:69:0c:00:02' }] });
    expect(r.status).toBe(204);
    const members = await api.get(`/devices?filter[devicegroup.id]=${dev.id}`);
    expect(members.body.data.map((d: any) => d.id).sort()).toEqual([d1, d2]);
    expect(members.body.data[0].relationships.devicegroup).toEqual(link(dev));
    expect(members.body.data[0].relationships.product).toEqual({ type: 'product', id: product.id });
    const byType = await api.get('/devices?filter[devicegroup.type]=development_devicegroup');
    expect(byType.body.data.length).toBe(2);
    // move by agent id (assigned devices may be addressed so)
    const agentId = members.body.data.find((d: any) => d.id === d1).attributes.agent_id;
    expect((await api.post(`/devicegroups/${dev2.id}/relationships/devices`, { data: [{ type: 'device', id: agentId }] })).status).toBe(204);
    expect((await api.get(`/devices/${d1}`)).body.data.relationships.devicegroup.id).toBe(dev2.id);
    // production and dut refuse manual assignment
    const p = await api.post(`/devicegroups/${prod.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] });
    expect(p.status).toBe(403);
    expect(p.body.errors[0].title).toBe('Invalid Permission');
    expect((await api.post(`/devicegroups/${dut.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] })).status).toBe(403);
    // unknown devices: 400 with per-device 404 errors
    const unk = await api.post(`/devicegroups/${dev.id}/relationships/devices`, { data: [{ type: 'device', id: 'nope1' }, { type: 'device', id: 'nope2' }] });
    expect(unk.status).toBe(400);
    expect(unk.body.errors.map((e: any) => e.status)).toEqual(['404', '404']);
    // unassigned device by agent id is not accepted
    const d3 = (await api.get(`/devices/${DEMO_DEVICES[2]}`)).body.data;
    const byAgent = await api.post(`/devicegroups/${dev.id}/relationships/devices`, { data: [{ type: 'device', id: d3.attributes.agent_id }] });
    expect(byAgent.status).toBe(400);
    // delete a non-empty group is refused
    const busy = await api.del(`/devicegroups/${dev.id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.errors[0].title).toBe('Devicegroup Not Empty');
    // device delete refused while assigned
    expect((await api.del(`/devices/${d2}`)).status).toBe(409);
    expect((await api.del(`/devicegroups/${dev.id}/relationships/devices`, { data: [{ type: 'device', id: d2 }] })).status).toBe(204);
    expect((await api.del(`/devicegroups/${dev2.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] })).status).toBe(204);
    expect((await api.get(`/devices/${d1}`)).body.data.relationships.devicegroup).toBeUndefined();
    expect((await api.del(`/devicegroups/${dev.id}`)).status).toBe(204);
    expect((await api.del(`/devicegroups/${dev.id}`)).status).toBe(404);
  });

  it('handles deployments: sha, current_deployment, filters, flags, min supported, zombies', async () => {
    const dg = await api.createDg(product.id, 'development_devicegroup', 'dev-deploy');
    const d1 = await api.deploy(dg, { tags: ['RC1', 'v1'], origin: 'git:1', description: 'first' });
    expect(d1.attributes.sha).toMatch(/^[0-9a-f]{64}$/);
    expect(d1.relationships.devicegroup).toEqual(link(dg));
    expect(d1.relationships.product).toEqual({ type: 'product', id: product.id });
    const same = await api.deploy(dg);
    expect(same.attributes.sha).toBe(d1.attributes.sha);
    const d3 = await api.deploy(dg, { device_code: 'other', flagged: true, tags: ['RC1'] });
    expect(d3.attributes.sha).not.toBe(d1.attributes.sha);
    expect(d3.relationships.flagger).toBeDefined();
    const g = await api.get(`/devicegroups/${dg.id}`);
    expect(g.body.data.relationships.current_deployment).toEqual({ type: 'deployment', id: d3.id });
    // filters
    const tagged = await api.get(`/deployments?filter[devicegroup.id]=${dg.id}&filter[tags]=RC1,v1`);
    expect(tagged.body.data.map((d: any) => d.id)).toEqual([d1.id]);
    const flagged = await api.get(`/deployments?filter[devicegroup.id]=${dg.id}&filter[flagged]=true`);
    expect(flagged.body.data.map((d: any) => d.id)).toEqual([d3.id]);
    const bySha = await api.get(`/deployments?filter[sha]=${d1.attributes.sha}`);
    expect(bySha.body.data.map((d: any) => d.id).sort()).toEqual([d1.id, same.id].sort());
    expect((await api.get('/deployments?filter[flagged]=maybe')).status).toBe(400);
    // validation
    const noCode = await api.post('/deployments', { data: { type: 'deployment', attributes: { device_code: '' }, relationships: { devicegroup: link(dg) } } });
    expect(noCode.status).toBe(400);
    expect((await api.deploy(dg, { tags: ['bad tag'] }).catch((e) => e.message))).toMatch(/400/);
    // update: only description/flagged/tags
    const up = await api.patch(`/deployments/${d1.id}`, { data: { type: 'deployment', id: d1.id, attributes: { description: 'x', tags: ['b', 'a'] } } });
    expect(up.body.data.attributes.tags).toEqual(['b', 'a']);
    expect((await api.patch(`/deployments/${d1.id}`, { data: { type: 'deployment', id: d1.id, attributes: { origin: 'y' } } })).status).toBe(400);
    // flagged cannot be deleted
    const fl = await api.del(`/deployments/${d3.id}`);
    expect(fl.status).toBe(409);
    expect(fl.body.errors[0]).toMatchObject({
      title: 'Resource Flagged',
      detail: 'You cannot delete flagged deployments; set the flagged attribute to false and try again.',
    });
    // min supported: must belong to the group, never backwards
    const other = await api.createDg(product.id, 'development_devicegroup', 'dev-other');
    const foreign = await api.deploy(other);
    expect((await api.put(`/devicegroups/${dg.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: foreign.id } })).status).toBe(400);
    expect((await api.put(`/devicegroups/${dg.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: same.id } })).status).toBe(200);
    const back = await api.put(`/devicegroups/${dg.id}/relationships/min_supported_deployment`, { data: { type: 'deployment', id: d1.id } });
    expect(back.status).toBe(409);
    expect((await api.get(`/devicegroups/${dg.id}`)).body.data.relationships.min_supported_deployment.id).toBe(same.id);
    // the min supported deployment and newer ones cannot be deleted; older ones can
    expect((await api.del(`/deployments/${same.id}`)).status).toBe(409);
    expect((await api.del(`/deployments/${d1.id}`)).status).toBe(204);
    expect((await api.get(`/deployments/${d1.id}`)).status).toBe(404);
    // DG delete refused with flagged deployments; after unflag the deployments become zombies
    const refused = await api.del(`/devicegroups/${dg.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].title).toBe('Flagged Deployments Exist');
    await api.patch(`/deployments/${d3.id}`, { data: { type: 'deployment', id: d3.id, attributes: { flagged: false } } });
    expect((await api.del(`/devicegroups/${dg.id}`)).status).toBe(204);
    const zombie = await api.get(`/deployments/${d3.id}`);
    expect(zombie.status).toBe(200);
    expect(zombie.body.data.relationships.devicegroup).toBeUndefined();
    // a zombie gives up its tags and origin; sha and code stay
    expect(zombie.body.data.attributes).toMatchObject({ tags: [], origin: '', sha: d3.attributes.sha, device_code: 'other' });
    expect((await api.del(`/deployments/${d3.id}`)).status).toBe(204);
  });

  it('gets devices by id, MAC and agent id; renames; restarts; serves logs newest first', async () => {
    const [d1] = DEMO_DEVICES;
    // an agent exists while the device is assigned (earlier tests may have unassigned it)
    const g = await api.createDg(product.id, 'development_devicegroup', 'dev-lookup');
    expect((await api.post(`/devicegroups/${g.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] })).status).toBe(204);
    const a = await api.get(`/devices/${d1}`);
    expect(a.status).toBe(200);
    expect(a.body.data.attributes.agent_id).not.toBe('');
    const byMac = await api.get(`/devices/${a.body.data.attributes.mac_address}`);
    const byAgent = await api.get(`/devices/${a.body.data.attributes.agent_id}`);
    expect(byMac.body.data.id).toBe(d1);
    expect(byAgent.body.data.id).toBe(d1);
    expect((await api.del(`/devicegroups/${g.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] })).status).toBe(204);
    expect((await api.get('/devices/wrong_id')).status).toBe(404);
    const ren = await api.patch(`/devices/${d1}`, { data: { type: 'device', id: d1, attributes: { name: 'kitchen' } } });
    expect(ren.body.data.attributes.name).toBe('kitchen');
    expect((await api.patch(`/devices/${d1}`, { data: { type: 'device', id: d1, attributes: { mac_address: 'x' } } })).status).toBe(400);
    expect((await api.post(`/devices/${d1}/restart`)).status).toBe(409);
    const dg = await api.createDg(product.id, 'development_devicegroup', 'dev-restart');
    await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] });
    expect((await api.post(`/devices/${d1}/restart`)).status).toBe(204);
    expect((await api.post(`/devices/${d1}/conditional_restart`)).status).toBe(204);
    expect((await api.post(`/devicegroups/${dg.id}/restart`)).status).toBe(204);
    expect((await api.post(`/devicegroups/${dg.id}/conditional_restart`)).status).toBe(204);
    for (let i = 1; i <= 20; i++) await emu.admin('POST', `devices/${d1}/logs`, { msg: `Message #${i}#` });
    const p1 = await api.get(`/devices/${d1}/logs?page[size]=4`);
    expect(p1.body.data.map((l: any) => l.msg)).toEqual(['Message #20#', 'Message #19#', 'Message #18#', 'Message #17#']);
    expect(p1.body.data[0]).toEqual({ ts: expect.any(String), type: 'server.log', msg: 'Message #20#' });
    expect(p1.body.links.next).toBeDefined();
    const p3 = await api.get(`/devices/${d1}/logs?page[size]=5&page[number]=3`);
    expect(p3.body.data.map((l: any) => l.msg)).toEqual(['Message #10#', 'Message #9#', 'Message #8#', 'Message #7#', 'Message #6#']);
    await api.del(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] });
    expect((await api.del(`/devices/${DEMO_DEVICES[2]}`)).status).toBe(204);
    expect((await api.get(`/devices/${DEMO_DEVICES[2]}`)).status).toBe(404);
  });

  it('answers 501 naming the operation for the endpoints it does not implement', async () => {
    for (const path of [`/devices/${DEMO_DEVICES[0]}/history`, '/libraries']) {
      const r = await api.get(path);
      expect(r.status, path).toBe(501);
      expect(r.body.errors[0]).toMatchObject({ status: '501', title: 'Not Implemented' });
      expect(r.body.errors[0].detail).toContain(path.startsWith('/devices') ? 'GET /devices/{id}/history' : 'GET /libraries');
    }
    expect((await fetch(`${emu.url}/libraries`)).status).toBe(401);
  });

  it('manages webhooks', async () => {
    const prod = await api.createDg(product.id, 'production_devicegroup', 'prod-hooks');
    const dev = await api.createDg(product.id, 'development_devicegroup', 'dev-hooks');
    const mk = (g: any, attrs: Record<string, unknown>) =>
      api.post('/webhooks', { data: { type: 'webhook', attributes: attrs, relationships: { devicegroup: link(g) } } });
    const w = await mk(prod, { url: 'https://hooks.example.com/b', event: 'blessing', content_type: 'application/json' });
    expect(w.status).toBe(201);
    expect(w.body.data.relationships.devicegroup).toEqual(link(prod));
    const bad = await mk(prod, { url: 'invalidurl', event: 'blessing', content_type: 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ title: 'Invalid URL', detail: 'The provided URL is invalid.' });
    expect((await mk(dev, { url: 'https://x.example', event: 'blinkup', content_type: 'application/json' })).status).toBe(400);
    expect((await mk(dev, { url: 'https://x.example', event: 'deployment', content_type: 'text/plain' })).status).toBe(400);
    expect((await mk(dev, { url: 'https://x.example', event: 'deployment', content_type: 'application/x-www-form-urlencoded' })).status).toBe(201);
    const list = await api.get(`/webhooks?filter[devicegroup.id]=${prod.id}`);
    expect(list.body.data.map((x: any) => x.id)).toEqual([w.body.data.id]);
    const id = w.body.data.id;
    const up = await api.patch(`/webhooks/${id}`, { data: { type: 'webhook', id, attributes: { url: 'http://new.example/x', content_type: 'application/x-www-form-urlencoded' } } });
    expect(up.body.data.attributes).toMatchObject({ url: 'http://new.example/x', content_type: 'application/x-www-form-urlencoded', event: 'blessing' });
    expect((await api.patch(`/webhooks/${id}`, { data: { type: 'webhook', id, attributes: { event: 'blinkup' } } })).status).toBe(400);
    expect((await api.del(`/webhooks/${id}`)).status).toBe(204);
    expect((await api.del(`/webhooks/${id}`)).status).toBe(404);
  });
});
