// /products
import { err } from '../core/errors.js';
import { type App, type Emulator, json, me, noContent } from '../core/emulator.js';
import { newUuid } from '../core/ids.js';
import { apiBase, checkAttributes, listDocument, optString, parseListQuery, readWrite } from '../core/jsonapi.js';
import type { AccountRec, ProductRec } from '../core/model.js';
import * as ser from '../core/serialize.js';

export function registerProducts(emu: Emulator, api: App): void {
  const { store } = emu;

  const visibleProduct = (account: AccountRec, id: string): ProductRec => {
    const p = store.get('products', id);
    if (!p || !emu.canSee(account, p.owner_id)) throw err.notFound('product');
    return p;
  };
  const checkUnique = (ownerId: string, name: string, exceptId?: string) => {
    for (const p of store.values('products')) {
      if (p.owner_id === ownerId && p.name === name && p.id !== exceptId) {
        throw err.duplicate('Products must have unique names.');
      }
    }
  };

  api.get('/products', (c) => {
    const q = parseListQuery(c, ['owner.id']);
    const owners = emu.visibleOwners(me(c));
    const owner = q.filters.get('owner.id');
    const items = store.list('products', (p) => owners.has(p.owner_id) && (owner === undefined || p.owner_id === owner));
    const base = apiBase(c);
    return json(c, listDocument(c, '/products', q, items, (p) => ser.product(base, p)));
  });

  api.post('/products', async (c) => {
    const data = await readWrite(c, ['product']);
    const account = me(c);
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['name', 'description'], 'a product');
    if (attrs.name === undefined) throw err.validation('Attribute "name" is required.', 'VX040');
    const name = optString(attrs, 'name', { min: 1, max: 80 })!;
    const description = optString(attrs, 'description') ?? '';
    let ownerId = account.id;
    const owner = data.relationships?.owner;
    if (owner) {
      if (owner.type !== 'account') throw err.validation('relationships.owner must be an account.', 'VX041');
      if (!store.get('accounts', owner.id) || !emu.canSee(account, owner.id)) throw err.notFound('account');
      ownerId = owner.id;
    }
    checkUnique(ownerId, name);
    const now = emu.iso();
    const p = store.put('products', {
      id: newUuid(),
      name,
      description,
      owner_id: ownerId,
      creator_id: account.id,
      created_at: now,
      updated_at: now,
    });
    return json(c, { data: ser.product(apiBase(c), p) }, 201);
  });

  api.get('/products/:id', (c) => json(c, { data: ser.product(apiBase(c), visibleProduct(me(c), c.req.param('id'))) }));

  api.patch('/products/:id', async (c) => {
    const p = visibleProduct(me(c), c.req.param('id'));
    const data = await readWrite(c, ['product']);
    if (data.id !== undefined && data.id !== p.id) throw err.validation('data.id does not match the URL.', 'VX042');
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['name', 'description'], 'a product');
    const name = optString(attrs, 'name', { min: 1, max: 80 });
    const description = optString(attrs, 'description');
    if (name !== undefined) checkUnique(p.owner_id, name, p.id);
    const updated = store.put('products', {
      ...p,
      name: name ?? p.name,
      description: description ?? p.description,
      updated_at: emu.iso(),
    });
    return json(c, { data: ser.product(apiBase(c), updated) });
  });

  api.delete('/products/:id', (c) => {
    const p = visibleProduct(me(c), c.req.param('id'));
    for (const g of store.values('devicegroups')) {
      if (g.product_id === p.id) {
        throw err.constraint('Dependent Devicegroups Exist', 'Cannot delete a product with associated devicegroups.', 'CX003');
      }
    }
    store.delete('products', p.id);
    return noContent(c);
  });
}
