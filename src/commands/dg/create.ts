import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('dg', 'create', 'Creates a new Device Group for the specified Product.');
export const spec = mod.spec;
export const run = mod.run;
