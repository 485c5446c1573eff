import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('loginkey', 'create', 'Creates a new login key.');
export const spec = mod.spec;
export const run = mod.run;
