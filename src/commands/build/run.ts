import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'run', 'Creates, deploys and runs a build.');
export const spec = mod.spec;
export const run = mod.run;
