import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('test', 'info', 'Displays information about the test configuration.');
export const spec = mod.spec;
export const run = mod.run;
