import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('loginkey', 'info', 'Displays information about the specified login key.');
export const spec = mod.spec;
export const run = mod.run;
