import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'list', 'Displays information about all or filtered builds.');
export const spec = mod.spec;
export const run = mod.run;
