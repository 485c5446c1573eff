import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'copy', 'Copies the specified build to the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
