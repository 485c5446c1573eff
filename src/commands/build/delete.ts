import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'delete', 'Deletes the specified build.');
export const spec = mod.spec;
export const run = mod.run;
