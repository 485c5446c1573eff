import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'update', 'Updates the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
