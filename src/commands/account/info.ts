import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('account', 'info', 'Displays information about the specified account.');
export const spec = mod.spec;
export const run = mod.run;
