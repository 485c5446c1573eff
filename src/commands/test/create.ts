import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('test', 'create', 'Creates a test configuration file.');
export const spec = mod.spec;
export const run = mod.run;
