import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('test', 'run', 'Runs the tests specified by the test configuration file.');
export const spec = mod.spec;
export const run = mod.run;
