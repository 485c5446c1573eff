// /devices, restart, historical logs.
import type { Context } from 'hono';
import { err } from '../core/errors.js';
import { type App, type Emulator, type Env, json, me, noContent } from '../core/emulator.js';
import { apiBase, checkAttributes, listDocument, optString, parseListQuery, readWrite } from '../core/jsonapi.js';
import { restartDevice, visibleDevice } from '../core/rules.js';
import * as ser from '../core/serialize.js';
import type { DeviceRec } from '../core/model.js';

export function registerDevices(emu: Emulator, api: App): void {
  const { store } = emu;
  const out = (c: Context, d: DeviceRec) => ser.device(apiBase(c), d, store);

  api.get('/devices', (c) => {
    const q = parseListQuery(c, ['owner.id', 'product.id', 'devicegroup.id', 'devicegroup.owner.id', 'devicegroup.type']);
    const f = q.filters;
    const owners = emu.visibleOwners(me(c));
    const owner = f.get('owner.id');
    const product = f.get('product.id');
    const dgId = f.get('devicegroup.id');
    const dgOwner = f.get('devicegroup.owner.id');
    const dgType = f.get('devicegroup.type');
    const needsDg = product !== undefined || (dgOwner !== undefined && dgOwner !== 'null') || dgType !== undefined;
    const source = dgId !== undefined ? store.devicesInGroup(dgId) : store.values('devices');
    const items: DeviceRec[] = [];
    for (const d of source) {
      if (!owners.has(d.owner_id)) continue;
      if (owner !== undefined && d.owner_id !== owner) continue;
      if (dgOwner === 'null') {
        if (d.devicegroup_id) continue;
      }
      if (needsDg) {
        const g = d.devicegroup_id ? store.get('devicegroups', d.devicegroup_id) : undefined;
        if (!g) continue;
        if (product !== undefined && g.product_id !== product) continue;
        if (dgOwner !== undefined && dgOwner !== 'null' && g.owner_id !== dgOwner) continue;
        if (dgType !== undefined && g.type !== dgType) continue;
      }
      items.push(d);
    }
    return json(c, listDocument(c, '/devices', q, items, (d) => out(c, d)));
  });

  api.get('/devices/:id', (c) => json(c, { data: out(c, visibleDevice(emu, me(c), c.req.param('id'))) }));

  api.patch('/devices/:id', async (c) => {
    const d = visibleDevice(emu, me(c), c.req.param('id'));
    const data = await readWrite(c, ['device']);
    const attrs = data.attributes ?? {};
    checkAttributes(attrs, ['name'], 'a device');
    if (data.relationships && Object.keys(data.relationships).length > 0) {
      throw err.validation('Device relationships cannot be changed here; use /devicegroups/{id}/relationships/devices.', 'VX100');
    }
    const name = optString(attrs, 'name', { max: 80 });
    const updated = store.put('devices', { ...d, name: name ?? d.name, updated_at: emu.iso() });
    emu.events.emit('device.updated', { device: updated });
    return json(c, { data: out(c, updated) });
  });

  api.delete('/devices/:id', (c) => {
    const d = visibleDevice(emu, me(c), c.req.param('id'));
    if (d.devicegroup_id) {
      throw err.constraint(
        'Device Assigned',
        'Cannot delete a device that is assigned to a devicegroup; unassign it first.',
        'CX011',
      );
    }
    store.delete('devices', d.id);
    store.clearLogs(d.id);
    emu.events.emit('device.deleted', { device: d });
    return noContent(c);
  });

  const restart = (conditional: boolean) => (c: Context<Env>) => {
    const d = visibleDevice(emu, me(c), c.req.param('id') ?? '');
    if (!d.devicegroup_id) {
      throw err.constraint('Device Not Assigned', 'An unassigned device cannot be restarted.', 'CX012');
    }
    restartDevice(emu, d, conditional);
    return noContent(c);
  };
  api.post('/devices/:id/restart', restart(false));
  api.post('/devices/:id/conditional_restart', restart(true));

  api.get('/devices/:id/logs', (c) => {
    const d = visibleDevice(emu, me(c), c.req.param('id'));
    const q = parseListQuery(c, []);
    const logs = store.logsOf(d.id);
    // page 1 holds the newest entries, newest first
    const newestFirst = logs.slice().reverse();
    return json(c, listDocument(c, `/devices/${encodeURIComponent(c.req.param('id'))}/logs`, q, newestFirst, (e) => e));
  });
}
