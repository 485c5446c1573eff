// HTTP side of the imps: agent URLs (/agent/<agent_id>/...) answered by the
// agents' http.onrequest handlers, and the admin routes of the VMs
// (state, hardware values, agent URL).
import type { Context } from 'hono';
import type { App, Emulator } from '../core/emulator.js';
import type { DeviceRuntime } from './runtime.js';
import { hardwareOf, hasHardware } from '../imp/hardware.js';
import { agentUrl } from './imp-host.js';
import type { DeviceRec } from '../core/model.js';
import type { ImpWorld } from '../imp/world.js';

const MAX_AGENT_BODY = 10 << 20;

export function registerImpRoutes(emu: Emulator, app: App, runtime: DeviceRuntime): void {
  const agent = async (c: Context): Promise<Response> => {
    const agentId = c.req.param('agentId')!;
    const d = emu.store.findDevice(agentId);
    const world = runtime.world;
    if (!d || d.agent_id !== agentId || !world) return c.text('Agent not found', 404);
    const url = new URL(c.req.url);
    const path = url.pathname.slice(`/agent/${agentId}`.length);
    const buf = Buffer.from(await c.req.arrayBuffer());
    if (buf.length > MAX_AGENT_BODY) return c.text('Request body too large', 413);
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((v, k) => (headers[k] = v));
    const r = await world.agentRequest(d.id, {
      method: c.req.method,
      path,
      query: url.search.slice(1),
      headers,
      body: buf.toString('latin1'),
    });
    await emu.store.commit(); // what the agent changed is durable before it answers
    return new Response(r.status === 204 || r.status === 304 ? null : new Uint8Array(r.body), { status: r.status, headers: r.headers });
  };
  app.all('/agent/:agentId', agent);
  app.all('/agent/:agentId/*', agent);

  const device = (c: Context): { error: Response } | { d: DeviceRec; world: ImpWorld } => {
    const ref = c.req.param('id')!;
    const d = emu.store.findDevice(ref);
    if (!d) return { error: c.json({ error: `device "${ref}" not found` }, 404) };
    if (!runtime.world) return { error: c.json({ error: 'this emulator runs no Squirrel interpreter' }, 409) };
    return { d, world: runtime.world };
  };

  app.get('/_emulator/devices/:id/imp', (c) => {
    const r = device(c);
    if ('error' in r) return r.error;
    const pair = r.world.pairs.get(r.d.id);
    const state = pair
      ? (pair.state() as Record<string, unknown>)
      : { device: null, agent: null, nv: null, hardware: null };
    return c.json({ data: { device_id: r.d.id, ...state, agent_url: agentUrl(emu, r.d.agent_id), scheduler: r.world.scheduler.stats } });
  });

  app.get('/_emulator/devices/:id/agent-url', (c) => {
    const r = device(c);
    if ('error' in r) return r.error;
    return c.json({ data: { device_id: r.d.id, agent_id: r.d.agent_id, agent_url: agentUrl(emu, r.d.agent_id) } });
  });

  app.post('/_emulator/devices/:id/hardware', async (c) => {
    const r = device(c);
    if ('error' in r) return r.error;
    let body: unknown;
    try {
      const text = await c.req.text();
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return c.json({ error: 'body must be JSON' }, 400);
    }
    const values = (body as { values?: unknown }).values;
    if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).some((k) => k !== 'values')) {
      return c.json({ error: 'body: expected {"values": {"pin1": 1, "i2c89": "bytes", "uart57": "text"}}' }, 400);
    }
    if (values === null || typeof values !== 'object' || Array.isArray(values)) return c.json({ error: 'values: required (an object)' }, 400);
    for (const [k, v] of Object.entries(values)) {
      if (!hasHardware(r.d.imp_type, k)) {
        const hw = hardwareOf(r.d.imp_type);
        return c.json({ error: `values.${k}: an ${r.d.imp_type} has no such pin or bus (it has ${[...hw.pins, ...hw.buses].join(', ')})` }, 400);
      }
      if (!['number', 'string', 'boolean'].includes(typeof v) && v !== null) return c.json({ error: `values.${k}: must be a number, string, boolean or null` }, 400);
    }
    const pair = r.world.pair(r.d.id);
    pair.hardware.inject(values as Record<string, unknown>);
    return c.json({ data: pair.hardware.toJSON() });
  });
}
