import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('log', 'get', 'Displays historical logs for the specified device.');
export const spec = mod.spec;
export const run = mod.run;
