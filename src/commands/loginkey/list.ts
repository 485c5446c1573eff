import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('loginkey', 'list', 'Displays information about all login keys.');
export const spec = mod.spec;
export const run = mod.run;
