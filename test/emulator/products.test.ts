import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { client, login } from './util.js';

describe('products', () => {
  let emu: EmulatorHandle;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
    api = client(emu, await login(emu));
  });
  afterAll(() => emu.stop());

  it('creates with 201 and an absolute self link', async () => {
    const r = await api.post('/products', { data: { type: 'product', attributes: { name: 'Lamp', description: 'd' } } });
    expect(r.status).toBe(201);
    expect(r.body.data.type).toBe('product');
    expect(r.body.data.links.self).toBe(`${emu.url}/products/${r.body.data.id}`);
    expect(r.body.data.attributes).toMatchObject({ name: 'Lamp', description: 'd' });
    expect(r.body.data.attributes.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const me = await api.get('/accounts/me');
    expect(r.body.data.relationships.owner).toEqual({ type: 'account', id: me.body.data.id });
    expect(r.body.data.relationships.creator).toEqual({ type: 'account', id: me.body.data.id });
  });

  it('refuses duplicate names with Duplicate Resource', async () => {
    const r = await api.post('/products', { data: { type: 'product', attributes: { name: 'Lamp' } } });
    expect(r.status).toBe(409);
    expect(r.body.errors[0]).toMatchObject({ title: 'Duplicate Resource', detail: 'Products must have unique names.' });
  });

  it('validates name, type and attributes', async () => {
    expect((await api.post('/products', { data: { type: 'product', attributes: {} } })).status).toBe(400);
    expect((await api.post('/products', { data: { type: 'product', attributes: { name: 'x'.repeat(81) } } })).status).toBe(400);
    expect((await api.post('/products', { data: { type: 'device', attributes: { name: 'Y' } } })).status).toBe(400);
    expect((await api.post('/products', { data: { type: 'product', attributes: { name: 'Y', bogus: 1 } } })).status).toBe(400);
    expect((await api.post('/products', 'not json')).status).toBe(400);
  });

  it('gets, updates and deletes; second delete is 404', async () => {
    const p = await api.createProduct('Tmp');
    const g = await api.get(`/products/${p.id}`);
    expect(g.status).toBe(200);
    const u = await api.patch(`/products/${p.id}`, { data: { type: 'product', id: p.id, attributes: { name: 'Tmp2', description: 'new' } } });
    expect(u.status).toBe(200);
    expect(u.body.data.attributes).toMatchObject({ name: 'Tmp2', description: 'new' });
    const dup = await api.patch(`/products/${p.id}`, { data: { type: 'product', id: p.id, attributes: { name: 'Lamp' } } });
    expect(dup.status).toBe(409);
    expect((await api.del(`/products/${p.id}`)).status).toBe(204);
    const again = await api.del(`/products/${p.id}`);
    expect(again.status).toBe(404);
    expect(again.body.errors[0].status).toBe('404');
    const me = await api.get('/accounts/me');
    expect((await api.get(`/products/${me.body.data.id}`)).status).toBe(404);
  });

  it('refuses to delete a product with device groups', async () => {
    const p = await api.createProduct('WithDg');
    const dg = await api.createDg(p.id, 'development_devicegroup', 'dev');
    const r = await api.del(`/products/${p.id}`);
    expect(r.status).toBe(409);
    expect(r.body.errors[0]).toMatchObject({
      title: 'Dependent Devicegroups Exist',
      detail: 'Cannot delete a product with associated devicegroups.',
    });
    expect((await api.del(`/devicegroups/${dg.id}`)).status).toBe(204);
    expect((await api.del(`/products/${p.id}`)).status).toBe(204);
  });

  it('pages with page[size] and links.next only when another page exists', async () => {
    for (let i = 0; i < 4; i++) await api.createProduct(`Page${i}`);
    const all = await api.get('/products?page[size]=100');
    const n = all.body.data.length;
    expect(n).toBeGreaterThanOrEqual(5);
    expect(all.body.links.next).toBeUndefined();
    expect(all.body.links.self).toContain('page[size]=100');
    const p1 = await api.get('/products?page[size]=2&page[number]=1');
    expect(p1.body.data).toHaveLength(2);
    expect(p1.body.links.next).toContain('page[number]=2');
    const ids = new Set<string>();
    let url: string | undefined = '/products?page[size]=2';
    let pages = 0;
    while (url) {
      const r = await api.get(url);
      r.body.data.forEach((x: any) => ids.add(x.id));
      url = r.body.links.next?.slice(emu.url.length);
      pages++;
    }
    expect(ids.size).toBe(n);
    expect(pages).toBe(Math.ceil(n / 2));
    const big = await api.get('/products?page[size]=500');
    expect(big.body.links.self).toContain('page[size]=100');
    expect((await api.get('/products?page[number]=0')).status).toBe(400);
    expect((await api.get('/products?filter[bogus]=1')).status).toBe(400);
    const def = await api.get('/products');
    expect(def.body.links.self).toContain('page[size]=20');
  });

  it('filters by owner.id', async () => {
    const me = await api.get('/accounts/me');
    const mine = await api.get(`/products?filter[owner.id]=${me.body.data.id}&page[size]=100`);
    expect(mine.body.data.length).toBeGreaterThan(0);
    const none = await api.get('/products?filter[owner.id]=nobody');
    expect(none.body.data).toEqual([]);
  });

  it('sends rate-limit headers and the JSON:API content type', async () => {
    const r = await fetch(`${emu.url}/products`);
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toBe('application/vnd.api+json');
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) expect(r.headers.get(h)).toMatch(/^\d+$/);
    // seen on the real service's responses (reference §1.1)
    expect(r.headers.get('accept')).toBe('application/vnd.api+json');
    const ok = await api.get('/products');
    expect(ok.headers.get('accept')).toBe('application/vnd.api+json');
  });
});
