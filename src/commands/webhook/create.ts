import { notImplemented } from '../shared/not-implemented.js';

const mod = notImplemented('webhook', 'create', 'Creates a new webhook for the specified Device Group.');
export const spec = mod.spec;
export const run = mod.run;
