import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'reassign', 'Reassigns all of the devices from one Device Group to another.');
export const spec = mod.spec;
export const run = mod.run;
