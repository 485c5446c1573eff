import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('webhook', 'delete', 'Deletes the specified webhook.');
export const spec = mod.spec;
export const run = mod.run;
