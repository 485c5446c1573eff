import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'update', 'Updates the specified build.');
export const spec = mod.spec;
export const run = mod.run;
