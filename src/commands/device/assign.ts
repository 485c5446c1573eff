import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('device', 'assign', 'Assigns the specified device to the Device Group.');
export const spec = mod.spec;
export const run = mod.run;
