import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'builds', 'Updates/deletes builds of the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
