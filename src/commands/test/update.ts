import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('test', 'update', 'Updates the test configuration file.');
export const spec = mod.spec;
export const run = mod.run;
