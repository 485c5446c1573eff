import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('device', 'update', 'Updates the name of the specified device.');
export const spec = mod.spec;
export const run = mod.run;
