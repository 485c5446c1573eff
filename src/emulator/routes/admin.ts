// Emulator-only admin routes under /_emulator (not part of impCentral).
import type { Hono } from 'hono';
import type { Emulator, Env } from '../emulator.js';

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
}
