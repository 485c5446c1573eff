import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'deploy', 'Creates and deploys a build.');
export const spec = mod.spec;
export const run = mod.run;
