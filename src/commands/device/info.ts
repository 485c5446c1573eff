import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('device', 'info', 'Displays information about the specified device.');
export const spec = mod.spec;
export const run = mod.run;
