// Registry of optional emulator extensions, in registration order: fault
// injection (middleware), log streams, webhook delivery, device runtime +
// admin routes. Each extension gets the Emulator (clock, store, events,
// appendLog) and the hono app; see the Extension interface in
// core/emulator.ts and docs/emulator.md. Add an import and an entry here.
import type { Extension } from './core/emulator.js';
import { logStreamExtension } from './routes/logstream.js';
import { faultsExtension } from './sim/faults.js';
import { deviceSimulationExtension } from './sim/index.js';
import { webhookDeliveryExtension } from './sim/webhook-delivery.js';

export const EXTENSIONS: Extension[] = [faultsExtension, logStreamExtension, webhookDeliveryExtension, deviceSimulationExtension];
