import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'delete', 'Deletes the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
