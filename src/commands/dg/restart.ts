import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'restart', 'Reboots all of the devices assigned to the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
