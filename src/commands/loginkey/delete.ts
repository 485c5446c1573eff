import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('loginkey', 'delete', 'Deletes the specified login key.');
export const spec = mod.spec;
export const run = mod.run;
