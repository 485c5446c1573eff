// Shared business-rule helpers (device group zones, visibility lookups).
import type { DgWireType } from '../../api/wire.js';
import { err } from './errors.js';
import type { Emulator } from './emulator.js';
import type { AccountRec, DeploymentRec, DeviceGroupRec, DeviceRec } from './model.js';

export const PRODUCTION_TYPES: readonly DgWireType[] = ['production_devicegroup', 'pre_production_devicegroup'];
export const DUT_TYPES: readonly DgWireType[] = ['dut_devicegroup', 'pre_dut_devicegroup'];
export const FIXTURE_TARGETS: Partial<Record<DgWireType, { production: DgWireType; dut: DgWireType }>> = {
  factoryfixture_devicegroup: { production: 'production_devicegroup', dut: 'dut_devicegroup' },
  pre_factoryfixture_devicegroup: { production: 'pre_production_devicegroup', dut: 'pre_dut_devicegroup' },
};

export const isProduction = (t: DgWireType) => PRODUCTION_TYPES.includes(t);
export const isFixture = (t: DgWireType) => FIXTURE_TARGETS[t] !== undefined;

export function visibleDg(emu: Emulator, account: AccountRec, id: string): DeviceGroupRec {
  const g = emu.store.get('devicegroups', id);
  if (!g || !emu.canSee(account, g.owner_id)) throw err.notFound('devicegroup');
  return g;
}

export function visibleDeployment(emu: Emulator, account: AccountRec, id: string): DeploymentRec {
  const d = emu.store.get('deployments', id);
  if (!d || !emu.canSee(account, d.owner_id)) throw err.notFound('deployment');
  return d;
}

export function visibleDevice(
  emu: Emulator,
  account: AccountRec,
  ref: string,
  opts: { allowAgentId?: boolean } = {},
): DeviceRec {
  const d = emu.store.findDevice(ref, opts);
  if (!d || !emu.canSee(account, d.owner_id)) throw err.notFound('device');
  return d;
}

/** Deployment ordering: created_at, then creation sequence. */
export function isOlder(a: DeploymentRec, b: DeploymentRec): boolean {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at;
  return a.seq < b.seq;
}

/** Restarts a device: it loads its group's current deployment. */
export function restartDevice(emu: Emulator, device: DeviceRec, conditional: boolean): void {
  const g = device.devicegroup_id ? emu.store.get('devicegroups', device.devicegroup_id) : undefined;
  let forced = true;
  if (conditional && g?.min_supported_deployment_id) {
    const min = emu.store.get('deployments', g.min_supported_deployment_id);
    const running = device.running_deployment_id ? emu.store.get('deployments', device.running_deployment_id) : undefined;
    forced = !running || !min || isOlder(running, min);
  } else if (conditional) {
    forced = !device.running_deployment_id;
  }
  const updated = emu.store.put('devices', {
    ...device,
    running_deployment_id: g?.current_deployment_id ?? device.running_deployment_id,
    updated_at: emu.iso(),
  });
  emu.events.emit('device.restarted', {
    device: updated,
    conditional,
    forced,
    previousDeploymentId: device.running_deployment_id,
  });
}
