import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('account', 'list', 'Displays information about all available accounts.');
export const spec = mod.spec;
export const run = mod.run;
