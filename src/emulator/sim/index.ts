// The simulation extensions, in registration order: fault injection
// (middleware), log streams, webhook delivery, device runtime + admin routes.
import type { Extension } from '../emulator.js';
import type { Emulator } from '../emulator.js';
import { faultsExtension } from '../faults.js';
import { logStreamExtension } from '../routes/logstream.js';
import { webhookDeliveryExtension } from '../webhook-delivery.js';
import { registerSimAdmin } from './admin.js';
import { DeviceRuntime } from './runtime.js';

const runtimes = new WeakMap<Emulator, DeviceRuntime>();

/** The device runtime of an emulator (created with the routes). */
export function deviceRuntime(emu: Emulator): DeviceRuntime | undefined {
  return runtimes.get(emu);
}

export const deviceSimulationExtension: Extension = {
  name: 'device-simulation',
  routes(emu, app) {
    const rt = new DeviceRuntime(emu);
    runtimes.set(emu, rt);
    registerSimAdmin(emu, app, rt);
  },
  stop(emu) {
    runtimes.get(emu)?.stop();
    runtimes.delete(emu);
  },
};

export const SIMULATION: Extension[] = [
  faultsExtension,
  logStreamExtension,
  webhookDeliveryExtension,
  deviceSimulationExtension,
];
