import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('loginkey', 'update', 'Updates the specified login key\'s description.');
export const spec = mod.spec;
export const run = mod.run;
