import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'list', 'Displays information about all or filtered Device Groups.');
export const spec = mod.spec;
export const run = mod.run;
