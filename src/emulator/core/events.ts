// Typed in-process event bus. Routes emit; simulation, webhook delivery and
// log streams subscribe. Listeners run synchronously inside the emitting
// request, so keep them short (schedule slow work with setImmediate).
import { EventEmitter } from 'node:events';
import type { DeploymentRec, DeviceGroupRec, DeviceRec, LogEntry, WebhookRec } from './model.js';

export interface EmulatorEvents {
  'device.assigned': { device: DeviceRec; devicegroup: DeviceGroupRec; previousDevicegroupId: string | null };
  'device.unassigned': { device: DeviceRec; devicegroupId: string; unbonded: boolean };
  /** `device` already runs its group's current deployment; `previousDeploymentId` is what it ran before. */
  'device.restarted': { device: DeviceRec; conditional: boolean; forced: boolean; previousDeploymentId: string | null };
  'device.updated': { device: DeviceRec };
  'device.deleted': { device: DeviceRec };
  'device.blessed': { device: DeviceRec; devicegroup: DeviceGroupRec };
  'device.blinkup': { device: DeviceRec; devicegroup: DeviceGroupRec; planId: string; token: string };
  'devicegroup.created': { devicegroup: DeviceGroupRec };
  'devicegroup.updated': { devicegroup: DeviceGroupRec };
  'devicegroup.deleted': { devicegroup: DeviceGroupRec };
  'devicegroup.restarted': { devicegroup: DeviceGroupRec; conditional: boolean };
  'deployment.created': { deployment: DeploymentRec; devicegroup: DeviceGroupRec };
  'deployment.deleted': { deployment: DeploymentRec };
  'webhook.created': { webhook: WebhookRec };
  'log.appended': { deviceId: string; entry: LogEntry };
  'emulator.reset': Record<string, never>;
  'clock.advanced': { ms: number };
}

export class EventBus {
  private readonly ee = new EventEmitter();
  constructor() {
    this.ee.setMaxListeners(100);
  }
  on<K extends keyof EmulatorEvents>(name: K, fn: (payload: EmulatorEvents[K]) => void): () => void {
    this.ee.on(name, fn);
    return () => this.ee.off(name, fn);
  }
  once<K extends keyof EmulatorEvents>(name: K, fn: (payload: EmulatorEvents[K]) => void): void {
    this.ee.once(name, fn);
  }
  emit<K extends keyof EmulatorEvents>(name: K, payload: EmulatorEvents[K]): void {
    this.ee.emit(name, payload);
  }
}
