import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'unassign', 'Unassigns all of the devices from the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
