// Emulator-only admin routes under /_emulator (not part of impCentral).
import type { Hono } from 'hono';
import type { Emulator, Env } from '../emulator.js';
import { readJson } from '../jsonapi.js';

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
  // Store a historical log line for a device: {"type"?, "msg", "ts"?}
  app.post('/_emulator/devices/:id/logs', async (c) => {
    const d = emu.store.findDevice(c.req.param('id'));
    if (!d) return c.json({ error: 'device not found' }, 404);
    const body = (await readJson(c)) as { type?: string; msg?: string; ts?: string } | undefined;
    if (!body || typeof body.msg !== 'string') return c.json({ error: 'body must be {"msg": string}' }, 400);
    const entry = emu.appendLog(d.id, { msg: body.msg, type: body.type, ts: body.ts });
    emu.store.flush();
    return c.json({ data: entry }, 201);
  });
}
