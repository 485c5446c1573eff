import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'info', 'Displays information about the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
