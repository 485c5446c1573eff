import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('build', 'get', 'Downloads the source files of the specified build.');
export const spec = mod.spec;
export const run = mod.run;
