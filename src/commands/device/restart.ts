import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('device', 'restart', 'Reboots the specified device.');
export const spec = mod.spec;
export const run = mod.run;
