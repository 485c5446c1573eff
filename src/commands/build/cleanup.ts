import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'cleanup', 'Deletes builds which are not related to any Device Group.');
export const spec = mod.spec;
export const run = mod.run;
