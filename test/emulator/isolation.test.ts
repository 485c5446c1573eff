import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { call, client, login } from './util.js';

const SEED = {
  accounts: [
    { username: 'alice', email: 'alice@example.com', password: 'a', collaborates_on: ['carol'] },
    { username: 'bob', email: 'bob@example.com', password: 'b', production: false },
    { username: 'carol', email: 'carol@example.com', password: 'c' },
  ],
  devices: [
    { id: '40000c2a690c0001', owner: 'alice' },
    { id: '40000c2a690c0002', owner: 'bob' },
    { id: '40000c2a690c0003', owner: 'carol' },
  ],
};

const ROUTES: [string, string][] = [
  ['GET', '/accounts'], ['GET', '/accounts/me'], ['GET', '/accounts/x'],
  ['GET', '/accounts/me/login_keys'], ['POST', '/accounts/me/login_keys'], ['GET', '/accounts/me/login_keys/x'],
  ['PATCH', '/accounts/me/login_keys/x'], ['DELETE', '/accounts/me/login_keys/x'],
  ['GET', '/accounts/me/refresh_tokens'], ['DELETE', '/accounts/me/refresh_tokens/x'],
  ['GET', '/products'], ['POST', '/products'], ['GET', '/products/x'], ['PATCH', '/products/x'], ['DELETE', '/products/x'],
  ['GET', '/devicegroups'], ['POST', '/devicegroups'], ['GET', '/devicegroups/x'], ['PATCH', '/devicegroups/x'],
  ['DELETE', '/devicegroups/x'], ['POST', '/devicegroups/x/restart'], ['POST', '/devicegroups/x/conditional_restart'],
  ['POST', '/devicegroups/x/relationships/devices'], ['DELETE', '/devicegroups/x/relationships/devices'],
  ['PUT', '/devicegroups/x/relationships/min_supported_deployment'],
  ['GET', '/deployments'], ['POST', '/deployments'], ['GET', '/deployments/x'], ['PATCH', '/deployments/x'], ['DELETE', '/deployments/x'],
  ['GET', '/devices'], ['GET', '/devices/x'], ['PATCH', '/devices/x'], ['DELETE', '/devices/x'],
  ['POST', '/devices/x/restart'], ['POST', '/devices/x/conditional_restart'], ['GET', '/devices/x/logs'],
  ['GET', '/webhooks'], ['POST', '/webhooks'], ['GET', '/webhooks/x'], ['PATCH', '/webhooks/x'], ['DELETE', '/webhooks/x'],
];

describe('isolation', () => {
  let emu: EmulatorHandle;
  let alice: ReturnType<typeof client>;
  let bob: ReturnType<typeof client>;
  let carol: ReturnType<typeof client>;
  beforeAll(async () => {
    emu = await startEmulator({ seed: SEED, inMemory: true });
    alice = client(emu, await login(emu, 'alice', 'a'));
    bob = client(emu, await login(emu, 'bob', 'b'));
    carol = client(emu, await login(emu, 'carol', 'c'));
  });
  afterAll(() => emu.stop());

  it('answers 401 on every route without or with a bad token', async () => {
    for (const [method, path] of ROUTES) {
      const r = await call(emu, method, path);
      expect(r.status, `${method} ${path}`).toBe(401);
      const bad = await call(emu, method, path, { token: 'garbage' });
      expect(bad.status, `${method} ${path}`).toBe(401);
    }
  });

  it("hides other accounts' entities (404) and refuses changes", async () => {
    const p = await bob.createProduct('BobProduct');
    const dg = await bob.createDg(p.id, 'development_devicegroup', 'bobdev');
    const dep = await bob.deploy(dg);
    await bob.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: '40000c2a690c0002' }] });
    const hook = await bob.post('/webhooks', { data: { type: 'webhook', attributes: { url: 'https://x.example', event: 'deployment', content_type: 'application/json' }, relationships: { devicegroup: { type: dg.type, id: dg.id } } } });
    for (const path of [`/products/${p.id}`, `/devicegroups/${dg.id}`, `/deployments/${dep.id}`, '/devices/40000c2a690c0002', `/webhooks/${hook.body.data.id}`, '/devices/40000c2a690c0002/logs']) {
      expect((await alice.get(path)).status, path).toBe(404);
    }
    expect((await alice.patch(`/products/${p.id}`, { data: { type: 'product', id: p.id, attributes: { name: 'x' } } })).status).toBe(404);
    expect((await alice.del(`/products/${p.id}`)).status).toBe(404);
    expect((await alice.del(`/deployments/${dep.id}`)).status).toBe(404);
    expect((await alice.post(`/devicegroups/${dg.id}/restart`)).status).toBe(404);
    const mine = await alice.createProduct('AliceProduct');
    const aliceDg = await alice.createDg(mine.id, 'development_devicegroup', 'alicedev');
    const steal = await alice.post(`/devicegroups/${aliceDg.id}/relationships/devices`, { data: [{ type: 'device', id: '40000c2a690c0002' }] });
    expect(steal.status).toBe(400);
    expect(steal.body.errors[0].status).toBe('404');
    for (const path of ['/products', '/devicegroups', '/deployments', '/devices', '/webhooks']) {
      const ids = (await alice.get(`${path}?page[size]=100`)).body.data.map((x: any) => x.id);
      expect(ids, path).not.toContain(p.id);
      expect(ids, path).not.toContain('40000c2a690c0002');
      expect(ids, path).not.toContain(dg.id);
    }
    // same product name is fine for another account
    expect((await alice.post('/products', { data: { type: 'product', attributes: { name: 'BobProduct' } } })).status).toBe(201);
    const bobId = (await bob.get('/accounts/me')).body.data.id;
    expect((await alice.get(`/accounts/${bobId}`)).status).toBe(404);
  });

  it("lets a collaborator see and use the other account's entities", async () => {
    const p = await carol.createProduct('CarolProduct');
    const carolId = (await carol.get('/accounts/me')).body.data.id;
    const aliceId = (await alice.get('/accounts/me')).body.data.id;
    expect((await alice.get(`/products/${p.id}`)).status).toBe(200);
    const accounts = (await alice.get('/accounts')).body.data.map((a: any) => a.id);
    expect(accounts).toEqual([aliceId, carolId]);
    expect((await alice.get('/devices/40000c2a690c0003')).status).toBe(200);
    const own = (await alice.get(`/products?filter[owner.id]=${aliceId}&page[size]=100`)).body.data.map((x: any) => x.id);
    expect(own).not.toContain(p.id);
    const created = await alice.post('/products', { data: { type: 'product', attributes: { name: 'ForCarol' }, relationships: { owner: { type: 'account', id: carolId } } } });
    expect(created.status).toBe(201);
    expect(created.body.data.relationships.owner.id).toBe(carolId);
    expect(created.body.data.relationships.creator.id).toBe(aliceId);
    // carol does not collaborate on alice
    const alicesProduct = await alice.createProduct('AliceOnly');
    expect((await carol.get(`/products/${alicesProduct.id}`)).status).toBe(404);
  });

  it('requires production permission for production-zone device groups', async () => {
    const p = await bob.createProduct('BobFactory');
    const r = await bob.post('/devicegroups', { data: { type: 'production_devicegroup', attributes: { name: 'prod' }, relationships: { product: { type: 'product', id: p.id } } } });
    expect(r.status).toBe(403);
    expect(r.body.errors[0].title).toContain('Invalid Permission');
  });

  it('manages login keys with the password header and a limit of 10', async () => {
    const body = (description: string) => ({ data: { type: 'login_key', attributes: { description } } });
    expect((await alice.post('/accounts/me/login_keys', body('k'))).status).toBe(403);
    expect((await alice.post('/accounts/me/login_keys', body('k'), { 'X-Electricimp-Password': 'wrong' })).status).toBe(403);
    const k = await alice.post('/accounts/me/login_keys', body('CI'), { 'X-Electricimp-Password': 'a' });
    expect(k.status).toBe(201);
    expect(k.body.data.id).toMatch(/^[0-9a-f]{16}$/);
    expect(k.body.data.attributes).toMatchObject({ description: 'CI', usages: 0 });
    const id = k.body.data.id;
    expect((await bob.get(`/accounts/me/login_keys/${id}`)).status).toBe(404);
    const up = await alice.patch(`/accounts/me/login_keys/${id}`, { data: { type: 'login_key', id, attributes: { description: 'new' } } }, { 'X-Electricimp-Password': 'a' });
    expect(up.body.data.attributes.description).toBe('new');
    const tok = await call(emu, 'POST', '/auth/token', { body: { key: id } });
    expect(tok.status).toBe(200);
    expect((await alice.del(`/accounts/me/login_keys/${id}`)).status).toBe(403);
    expect((await alice.del(`/accounts/me/login_keys/${id}`, undefined, { 'X-Electricimp-Password': 'a' })).status).toBe(204);
    expect((await alice.del(`/accounts/me/login_keys/${id}`, undefined, { 'X-Electricimp-Password': 'a' })).status).toBe(404);
    expect((await call(emu, 'POST', '/auth/token', { body: { key: id } })).status).toBe(404);
    for (let i = 0; i < 10; i++) {
      expect((await alice.post('/accounts/me/login_keys', body(`k${i}`), { 'X-Electricimp-Password': 'a' })).status).toBe(201);
    }
    const over = await alice.post('/accounts/me/login_keys', body('k11'), { 'X-Electricimp-Password': 'a' });
    expect(over.status).toBe(409);
    expect((await alice.get('/accounts/me/login_keys?page[size]=100')).body.data).toHaveLength(10);
  });
});
