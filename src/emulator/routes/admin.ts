// Emulator-only admin routes under /_emulator (not part of impCentral).
import type { Hono } from 'hono';
import type { Emulator, Env } from '../core/emulator.js';

const CORRUPTIBLE = ['products', 'devicegroups', 'deployments', 'webhooks'] as const;
const KIND = { products: 'product', devicegroups: 'device group', deployments: 'deployment', webhooks: 'webhook' } as const;

export function registerAdmin(emu: Emulator, app: Hono<Env>): void {
  app.get('/_emulator/health', (c) =>
    c.json({ status: 'ok', time: emu.iso(), counts: { accounts: emu.store.count('accounts'), devices: emu.store.count('devices') } }),
  );
  app.post('/_emulator/reset', (c) => {
    emu.reset();
    return c.json({ status: 'reset' });
  });
  app.get('/_emulator/requests', (c) => c.json({ data: emu.requests }));
  app.delete('/_emulator/requests', (c) => {
    emu.requests.length = 0;
    return c.body(null, 204);
  });
  // Removes an entity without any business rule, leaving the references to
  // it dangling: lets clients test how they show corrupted related entities.
  app.delete('/_emulator/entities/:collection/:id', (c) => {
    const coll = c.req.param('collection');
    if (!CORRUPTIBLE.includes(coll as (typeof CORRUPTIBLE)[number])) {
      return c.json({ error: `collection must be one of ${CORRUPTIBLE.join(', ')}` }, 400);
    }
    const id = c.req.param('id');
    if (!emu.store.delete(coll as (typeof CORRUPTIBLE)[number], id)) {
      return c.json({ error: `${KIND[coll as (typeof CORRUPTIBLE)[number]]} "${id}" not found` }, 404);
    }
    return c.body(null, 204);
  });
  // registered last: any other /_emulator request (a typo, a wrong method)
  app.all('/_emulator/*', (c) => c.json({ error: `no admin route ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
}
