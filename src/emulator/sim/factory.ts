// What only hardware does, as emulator operations: new devices, a factory
// fixture making a device under test (DUT), blessing, BlinkUp activation.
import type { Emulator } from '../core/emulator.js';
import { agentIdFor, hex, newDeviceId } from '../core/ids.js';
import type { AccountRec, DeviceGroupRec, DeviceRec } from '../core/model.js';
import { DUT_TYPES, isFixture, isProduction } from '../core/rules.js';
import { makeDevice } from '../core/seed.js';
import type { DeviceRuntime } from './runtime.js';

/** A failed simulation step: HTTP status + message for the admin API. */
export class SimError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Internal bookkeeping kept on a DUT's record (not serialized to the API). */
type SimDevice = DeviceRec & { sim_fixture_device_id?: string; sim_fixture_devicegroup_id?: string };

export interface DeviceSummary {
  id: string;
  name: string;
  mac_address: string;
  agent_id: string | null;
  agent_url: string | null;
  imp_type: string;
  device_online: boolean;
  plan_id: string | null;
  owner_id: string;
  devicegroup_id: string | null;
  devicegroup_type: string | null;
  product_id: string | null;
  running_deployment_id: string | null;
}

export function summary(emu: Emulator, d: DeviceRec): DeviceSummary {
  const g = d.devicegroup_id ? emu.store.get('devicegroups', d.devicegroup_id) : undefined;
  return {
    id: d.id,
    name: d.name,
    mac_address: d.mac_address,
    agent_id: d.agent_id,
    agent_url: d.agent_url,
    imp_type: d.imp_type,
    device_online: d.device_online,
    plan_id: d.plan_id,
    owner_id: d.owner_id,
    devicegroup_id: g?.id ?? null,
    devicegroup_type: g?.type ?? null,
    product_id: g?.product_id ?? null,
    running_deployment_id: d.running_deployment_id,
  };
}

export function findAccount(emu: Emulator, ref: string | undefined): AccountRec {
  const accounts = emu.store.list('accounts');
  if (ref === undefined) {
    if (!accounts[0]) throw new SimError(409, 'the emulator has no account');
    return accounts[0];
  }
  const a = accounts.find((x) => x.id === ref || x.username === ref || x.email === ref);
  if (!a) throw new SimError(404, `account "${ref}" not found`);
  return a;
}

export function findDevice(emu: Emulator, ref: string): DeviceRec {
  const d = emu.store.findDevice(ref);
  if (!d) throw new SimError(404, `device "${ref}" not found`);
  return d;
}

function uniqueDeviceId(emu: Emulator): string {
  for (;;) {
    const id = newDeviceId();
    if (!emu.store.findDevice(id) && !emu.store.findDevice(id.slice(-12).match(/../g)!.join(':'))) return id;
  }
}

export function createDevices(
  emu: Emulator,
  opts: { count?: number; online?: boolean; account?: string; imp_type?: string; name?: string },
): DeviceRec[] {
  const owner = findAccount(emu, opts.account);
  const count = opts.count ?? 1;
  const out: DeviceRec[] = [];
  for (let i = 0; i < count; i++) {
    const id = uniqueDeviceId(emu);
    const name = opts.name === undefined ? '' : count > 1 ? `${opts.name}-${i + 1}` : opts.name;
    out.push(
      emu.store.put(
        'devices',
        makeDevice(emu.clock, owner.id, id, { imp_type: opts.imp_type ?? 'imp004m', device_online: opts.online ?? true, name }),
      ),
    );
  }
  return out;
}

function groupOf(emu: Emulator, d: DeviceRec): DeviceGroupRec | undefined {
  return d.devicegroup_id ? emu.store.get('devicegroups', d.devicegroup_id) : undefined;
}

/** The fixture performs factory BlinkUp on a new unit: a DUT in the fixture DG's dut_target. */
export function makeDut(emu: Emulator, fixtureRef: string, opts: { imp_type?: string } = {}): DeviceRec {
  const fixture = findDevice(emu, fixtureRef);
  const fg = groupOf(emu, fixture);
  if (!fg || !isFixture(fg.type)) {
    throw new SimError(409, `device ${fixture.id} is not a factory fixture (it must be assigned to a factoryfixture or pre_factoryfixture device group)`);
  }
  if (!fixture.device_online) throw new SimError(409, `fixture ${fixture.id} is offline`);
  const dutGroup = fg.dut_target_id ? emu.store.get('devicegroups', fg.dut_target_id) : undefined;
  if (!dutGroup) throw new SimError(409, `the fixture device group ${fg.id} has no dut_target`);
  const id = uniqueDeviceId(emu);
  const rec: SimDevice = {
    ...makeDevice(emu.clock, fg.owner_id, id, { imp_type: opts.imp_type ?? 'imp004m', device_online: true }),
    devicegroup_id: dutGroup.id,
    sim_fixture_device_id: fixture.id,
    sim_fixture_devicegroup_id: fg.id,
  };
  const dut = emu.store.put('devices', rec);
  emu.events.emit('device.assigned', { device: dut, devicegroup: dutGroup, previousDevicegroupId: null });
  return emu.store.get('devices', dut.id) ?? dut;
}

/** The DUT firmware blesses the unit: it moves to the fixture DG's production_target. */
export function bless(emu: Emulator, runtime: Pick<DeviceRuntime, 'line' | 'load'>, ref: string, success: boolean): { device: DeviceRec; blessed: boolean } {
  const d = findDevice(emu, ref) as SimDevice;
  const g = groupOf(emu, d);
  if (!g || !DUT_TYPES.includes(g.type)) {
    throw new SimError(409, `device ${d.id} is not a device under test (it must be in a dut or pre_dut device group)`);
  }
  let fg = d.sim_fixture_devicegroup_id ? emu.store.get('devicegroups', d.sim_fixture_devicegroup_id) : undefined;
  if (!fg || fg.dut_target_id !== g.id) {
    const candidates = emu.store.list('devicegroups', (x) => isFixture(x.type) && x.dut_target_id === g.id);
    fg = candidates[0];
  }
  if (!fg) throw new SimError(409, `no factory fixture device group has ${g.id} as its dut_target`);
  const prod = fg.production_target_id ? emu.store.get('devicegroups', fg.production_target_id) : undefined;
  if (!prod) throw new SimError(409, `the fixture device group ${fg.id} has no production_target`);
  if (!success) {
    runtime.line(d.id, 'status', 'Blessing failed');
    return { device: d, blessed: false };
  }
  const now = emu.iso();
  const { sim_fixture_device_id: _a, sim_fixture_devicegroup_id: _b, ...plain } = d;
  const blessed = emu.store.put('devices', { ...plain, devicegroup_id: prod.id, plan_id: null, updated_at: now });
  emu.events.emit('device.blessed', { device: blessed, devicegroup: prod });
  // load_code_after_blessing: production code loads now, else at activation
  if (prod.load_code_after_blessing !== false && prod.current_deployment_id) runtime.load(blessed.id, prod.current_deployment_id);
  return { device: emu.store.get('devices', blessed.id) ?? blessed, blessed: true };
}

/** End-user BlinkUp of a production device: enrollment with a production plan ID. */
export function blinkup(
  emu: Emulator,
  runtime: Pick<DeviceRuntime, 'load'>,
  ref: string,
  opts: { plan_id?: string; token?: string },
): { device: DeviceRec; plan_id: string; token: string } {
  const d = findDevice(emu, ref);
  const g = groupOf(emu, d);
  if (!g || !isProduction(g.type)) {
    throw new SimError(409, `device ${d.id} is not a production device (it must be in a production or pre_production device group)`);
  }
  const planId = opts.plan_id ?? hex(6);
  const token = opts.token ?? hex(6);
  const agentId = agentIdFor(d.id, planId);
  const now = emu.iso();
  const activated = emu.store.put('devices', {
    ...d,
    plan_id: planId,
    agent_id: agentId,
    agent_url: `https://agent.electricimp.com/${agentId}`,
    agent_running: true,
    agent_state_changed_at: now,
    last_enrolled_at: now,
    updated_at: now,
  });
  emu.events.emit('device.blinkup', { device: activated, devicegroup: g, planId, token });
  if (g.current_deployment_id && activated.running_deployment_id !== g.current_deployment_id) {
    runtime.load(activated.id, g.current_deployment_id);
  }
  return { device: emu.store.get('devices', d.id) ?? activated, plan_id: planId, token };
}
