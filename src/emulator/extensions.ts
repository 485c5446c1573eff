// Registry of optional emulator extensions (simulation, log streams, webhook
// delivery, fault injection). Each extension gets the Emulator (clock, store,
// events, appendLog) and the hono app; see the Extension interface in
// emulator.ts and docs/emulator.md. Add an import and an entry here.
import type { Extension } from './emulator.js';
import { SIMULATION } from './sim/index.js';

export const EXTENSIONS: Extension[] = [...SIMULATION];
